"""A stand-in for the providers' HTTP APIs, below allauth's requests session."""

import json
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import requests


@dataclass
class Call:
    method: str
    url: str
    kwargs: dict


class ProviderServers:
    """Stands in for the providers' HTTP APIs: answers by method and URL, records every request.

    Only `requests` is replaced, below allauth's own session helper; a request nobody expected fails the test.
    """

    def __init__(self):
        self.routes = {}
        self.calls = []

    def reply(self, method, url, *, status=200, body=None, error=None):
        self.routes[method.upper(), url] = (status, body, error)

    def request(self, method, url, **kwargs):
        self.calls.append(Call(method.upper(), url, kwargs))
        try:
            status, body, error = self.routes[method.upper(), url]
        except KeyError:
            raise AssertionError(f"Unexpected request: {method} {url}") from None
        if error:
            raise error
        response = requests.Response()
        response.status_code = status
        response.url = url
        response.headers["Content-Type"] = "application/json"
        response._content = json.dumps(body).encode()
        return response


def query(url):
    """The query string of `url` as a dict of single values."""
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}
