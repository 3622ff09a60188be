"""Exports billing teams open in a spreadsheet: the JSON views as CSV and XLSX, same filters."""
