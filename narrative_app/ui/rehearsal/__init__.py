"""UI: the rehearsal window, its stage, controls, finish screen and history."""
