from __future__ import annotations

import pytest

from glossdeck.stats.api.app import ApiError, parse_rating
from glossdeck.stats.api.rate_limit import RateLimiter


def test_a_sliding_window_per_client() -> None:
    now = [1000.0]
    limiter = RateLimiter(2, clock=lambda: now[0])
    assert limiter.allow("a") == 0 and limiter.allow("a") == 0
    assert limiter.allow("a") == pytest.approx(60.0)
    assert limiter.allow("b") == 0  # another address has its own window
    now[0] += 30
    assert limiter.allow("a") == pytest.approx(30.0)
    now[0] += 30.5
    assert limiter.allow("a") == 0


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"x", 400),
        (b"[]", 422),
        (b'{"rating": 0, "visitor": "abcdefgh"}', 422),
        (b'{"rating": true, "visitor": "abcdefgh"}', 422),
        (b'{"rating": 4.0, "visitor": "abcdefgh"}', 422),
        (b'{"rating": 4, "visitor": "abc"}', 422),
    ],
)
def test_bad_bodies(body: bytes, status: int) -> None:
    with pytest.raises(ApiError) as caught:
        parse_rating(body)
    assert caught.value.status == status


def test_a_good_body() -> None:
    assert parse_rating(b'{"rating": 5, "visitor": "abcdefgh", "extra": 1}') == (5, "abcdefgh")
