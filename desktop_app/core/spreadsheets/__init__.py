"""Excel in and out: reading the commune's existing lists (.xlsx/.xlsm with openpyxl, .xls with xlrd), mapping
their columns, checking every row before anything is written, importing them as one undoable batch, and writing
every list back as a proper .xlsx (or a UTF-8 CSV with BOM)."""
