from planner.paths.pages import teacher_start

__all__ = ["teacher_start"]
