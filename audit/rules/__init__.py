"""Rules as data: the rule model and its declared keys, typed kind parameters, the pack loader, and
the compiled rule-set cache."""
