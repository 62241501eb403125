# Runs a notebook headless with Jupyter's own client (nbclient) and prints the cells' outputs as JSON.
# Arguments: the cells' sources as a JSON array, the kernel's name, the working directory.
import json
import sys

import nbformat
from nbclient import NotebookClient

cells, kernel, cwd = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
notebook = nbformat.v4.new_notebook()
notebook.cells = [nbformat.v4.new_code_cell(source) for source in cells]
NotebookClient(notebook, kernel_name=kernel, timeout=120, resources={'metadata': {'path': cwd}}).execute()
print(json.dumps([cell.get('outputs', []) for cell in notebook.cells]))
