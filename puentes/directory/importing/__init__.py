"""Importing HSDS data: readers turn files into rows; the loader checks and writes them."""
