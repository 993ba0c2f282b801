"""Recorded answers from other sites: the tests' transport for core.outbound (tests/settings.py names it).

Nothing in the tests reaches outside this machine: an address without a recorded answer is refused, as
an unreachable one would be. The `recorded` fixture (tests/conftest.py) records answers for one test.
"""

from core.outbound import Refused

ANSWERS = {}  # address: (status, headers, body)
ASKED = []  # the addresses asked for, in order


def transport(url, headers, timeout):
    ASKED.append(url)
    if url not in ANSWERS:
        raise Refused(f"no recorded answer for {url}")
    status, answer_headers, body = ANSWERS[url]
    return status, {name.lower(): value for name, value in answer_headers.items()}, iter([body])


def record(url, body, status=200, content_type="application/json", **headers):
    ANSWERS[url] = (status, {"content-type": content_type, **headers}, body)
