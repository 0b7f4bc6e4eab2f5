import pytest

from .clients import Participant


@pytest.fixture
def people(server):
    """Make participants (and hosts) on the shared server; all closed after the test."""
    made = []

    def make():
        person = Participant(server.url)
        made.append(person)
        return person

    yield make
    for person in made:
        person.close()
