// Public surface of layers/ (filled in as the area grows).
