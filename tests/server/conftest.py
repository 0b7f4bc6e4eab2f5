import pytest

from .inprocess import InProcessServer


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    """The server in this process (Flask and Flask-SocketIO test clients): most tests."""
    server = InProcessServer(str(tmp_path_factory.mktemp("inprocess") / "app.db"))
    yield server
    server.stop()


@pytest.fixture
def people(server):
    """Make participants (and hosts) on the test's server; all closed after the test."""
    made = []

    def make(**options):
        person = server.participant(**options)
        made.append(person)
        return person

    yield make
    for person in made:
        person.close()
