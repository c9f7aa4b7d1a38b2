"""The smallest Flask application, served beside the planner to compare requests per second."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello():
    return "ok"
