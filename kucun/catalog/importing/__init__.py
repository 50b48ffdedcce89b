"""Products/SKUs/stock import: read a file (``reader``), map its columns (``columns``), check
every line (``rows``), compare with the catalogue (``plan``) and write it (``apply``)."""
