// Public surface of models/ (filled in as the area grows).
