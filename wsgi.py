from planner import create_app

app = create_app()
