"""UI: the dialogs: About, Guide, Export, Versions, Settings."""
