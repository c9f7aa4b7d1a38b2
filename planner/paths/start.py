from flask import render_template


def teacher_start(teacher):
    return render_template("paths/start.html", teacher=teacher)
