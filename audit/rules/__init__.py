"""Rules as data: the rule model, the pack loader and the example runner."""
