"""Reading and writing tables (CSV, XLSX) that people make in spreadsheet programs.

`problems` collects what is wrong with a file, row by row; `values` turns cells into clean values;
`encodings` decodes text files; `reading` finds a table's header and rows; `writing` makes files
that spreadsheet programs open safely. Plain functions, no database and no app.
"""
