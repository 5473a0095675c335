"""Measuring tacitus against gold data: each module reads one gold format and scores one stage."""
