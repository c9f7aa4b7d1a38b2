"""Learning-path planner for teacher professionalisation in passend onderwijs.

The app factory is imported lazily so that the domain core (``planner.domain``)
can be imported, tested and benchmarked without loading Flask.
"""


def create_app(test_config=None):
    from planner.factory import create_app as _create_app

    return _create_app(test_config)
