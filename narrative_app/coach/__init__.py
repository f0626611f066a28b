"""Coach: pure analysis of a narrative's text (timing estimates and rubric checks)."""
