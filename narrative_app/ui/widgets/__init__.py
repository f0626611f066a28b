"""UI: small reusable widgets and helpers shared by the feature folders."""
