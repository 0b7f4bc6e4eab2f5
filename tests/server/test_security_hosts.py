"""Host names, Socket.IO origins (against DNS rebinding) and trusted proxies, in-process:
every request goes through the same WSGI middleware as in the real server."""
from __future__ import annotations

import socket

import pytest

from server import create_app
from server.addresses import TrustedProxies, client_key

HANDSHAKE = "/socket.io/?EIO=4&transport=polling"


@pytest.fixture(scope="module")
def make(tmp_path_factory):
    made = []

    def build(**config):
        config.setdefault("DATABASE", str(tmp_path_factory.mktemp("hosts") / "h.db"))
        app = create_app({"ASYNC_MODE": "threading", **config})
        made.append(app)
        return app

    yield build
    for app in made:
        app.extensions["inourshoes"].store.close()


@pytest.fixture(scope="module")
def local(make):
    return make()  # listening on 127.0.0.1, the default


@pytest.fixture(scope="module")
def lan(make):
    return make(HOST="0.0.0.0", PUBLIC_URL=("https://workshop.example.org",))


def status(app, path: str, **headers) -> int:
    return app.test_client().get(path, headers=headers).status_code


@pytest.mark.parametrize("host", ["localhost", "localhost:5000", "127.0.0.1:5000", "[::1]:5000", "127.0.0.2"])
def test_a_local_server_answers_its_own_names(local, host):
    assert status(local, "/healthz", Host=host) == 200
    assert status(local, HANDSHAKE, Host=host) == 200


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:5000", "localhost.evil.example", "127.0.0.1.nip.io", "192.168.1.20:5000", "a b"]
)
def test_a_local_server_refuses_other_names_on_pages_and_sockets(local, host):
    assert status(local, "/healthz", Host=host) == 400
    assert status(local, "/", Host=host) == 400
    assert status(local, HANDSHAKE, Host=host) == 400


@pytest.mark.parametrize(
    "host", ["192.168.1.20:5000", "10.0.0.3", "[fe80::1]:5000", "workshop.example.org", socket.gethostname(), "localhost"]
)
def test_on_every_address_the_machines_addresses_names_and_public_url_work(lan, host):
    assert status(lan, "/healthz", Host=host) == 200


@pytest.mark.parametrize("host", ["evil.example", "workshop.example.org.evil.example"])
def test_on_every_address_other_names_are_still_refused(lan, host):
    assert status(lan, "/healthz", Host=host) == 400


@pytest.mark.parametrize(
    "app_name, host, origin, allowed",
    [
        ("local", "127.0.0.1:5000", "http://127.0.0.1:5000", True),
        ("local", "localhost:5000", "http://localhost:5000", True),
        ("local", "127.0.0.1:5000", None, True),  # not a browser
        ("local", "127.0.0.1:5000", "http://evil.example", False),
        ("local", "127.0.0.1:5000", "http://localhost:5000", False),  # another origin, even a local one
        ("local", "127.0.0.1:5000", "null", False),
        ("lan", "192.168.1.20:5000", "http://192.168.1.20:5000", True),
        ("lan", "192.168.1.20:5000", "http://evil.example", False),
        ("lan", "127.0.0.1:5000", "https://workshop.example.org", True),  # behind a proxy that keeps its own Host
    ],
)
def test_socket_io_accepts_only_this_servers_own_pages(local, lan, app_name, host, origin, allowed):
    app = {"local": local, "lan": lan}[app_name]
    headers = {"Host": host, **({"Origin": origin} if origin else {})}
    assert (status(app, HANDSHAKE, **headers) == 200) is allowed


# --- trusted proxies ----------------------------------------------------------------------
def seen(proxies, environ: dict) -> dict:
    """The environ the app sees behind TrustedProxies."""
    got = {}

    def app(env, start_response):
        got.update(env)
        return []

    TrustedProxies(app, proxies)({"wsgi.url_scheme": "http", "HTTP_HOST": "127.0.0.1:5000", **environ}, None)
    return got


def test_forwarded_headers_are_believed_only_from_a_trusted_proxy():
    forwarded = {"HTTP_X_FORWARDED_FOR": "203.0.113.9", "HTTP_X_FORWARDED_PROTO": "https", "HTTP_X_FORWARDED_HOST": "w.example.org"}
    trusted = seen(["127.0.0.1"], {"REMOTE_ADDR": "127.0.0.1", **forwarded})
    assert (trusted["REMOTE_ADDR"], trusted["wsgi.url_scheme"], trusted["HTTP_HOST"]) == ("203.0.113.9", "https", "w.example.org")
    stranger = seen(["127.0.0.1"], {"REMOTE_ADDR": "198.51.100.4", **forwarded})
    assert (stranger["REMOTE_ADDR"], stranger["wsgi.url_scheme"], stranger["HTTP_HOST"]) == ("198.51.100.4", "http", "127.0.0.1:5000")
    nobody = seen([], {"REMOTE_ADDR": "127.0.0.1", **forwarded})
    assert nobody["REMOTE_ADDR"] == "127.0.0.1"


def test_the_client_is_the_last_address_no_trusted_proxy_added():
    chain = "6.6.6.6, 203.0.113.9, 10.0.0.2"  # the client wrote 6.6.6.6 itself; two proxies of ours
    assert seen(["127.0.0.1", "10.0.0.0/8"], {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": chain})["REMOTE_ADDR"] == "203.0.113.9"
    assert seen(["127.0.0.1"], {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "rubbish"})["REMOTE_ADDR"] == "127.0.0.1"


def test_ipv6_clients_are_counted_by_their_64_network():
    assert client_key("2001:db8:1:2:aaaa::1") == client_key("2001:db8:1:2:bbbb::2") == "2001:db8:1:2::/64"
    assert client_key("::ffff:192.0.2.1") == "192.0.2.1" and client_key("192.0.2.1") == "192.0.2.1"


def test_limits_count_each_client_behind_a_trusted_proxy(make):
    behind = make(TRUSTED_PROXIES=("127.0.0.1",), ROOM_CREATE_LIMIT="2/minute")
    exposed = make(ROOM_CREATE_LIMIT="2/minute")

    def create(app, address):
        body = {"title": "T", "deck": "everyday-lives"}
        return app.test_client().post("/api/rooms", json=body, headers={"X-Forwarded-For": address}).status_code

    assert [create(behind, "203.0.113.1") for _ in range(3)] == [201, 201, 429]
    assert create(behind, "203.0.113.2") == 201  # the next person behind the same proxy
    assert [create(exposed, a) for a in ("203.0.113.1", "203.0.113.2", "203.0.113.3")] == [201, 201, 429]


def test_links_use_the_proxys_scheme_and_host(make):
    app = make(TRUSTED_PROXIES=("127.0.0.1",), PUBLIC_URL=("https://w.example.org",))
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "w.example.org", "X-Forwarded-For": "203.0.113.5"}
    made = app.test_client().post("/api/rooms", json={"title": "T", "deck": "everyday-lives"}, headers=headers).get_json()
    assert made["join_url"] == f"https://w.example.org/j/{made['code']}"
