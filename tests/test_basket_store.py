"""The slide basket lives on the server under a token in the URL: a refreshed page (a new session) finds it again."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def app(fixture_db, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("UNION_DB", str(fixture_db))
    monkeypatch.chdir(ROOT)

    def new_session(**params: str):
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        for k, v in params.items():
            at.query_params[k] = v
        at.run()
        return at

    return new_session


def test_a_refreshed_page_keeps_the_collected_slides_in_order(app):
    at = app()
    assert "slides" not in at.query_params  # nothing collected: no token in the URL
    at.switch_page("pages/02_contracts.py").run()
    at.button(key="deck_contract_rate_collective_city").click().run()
    at.button(key="deck_contract_rate_collective_2023").click().run()
    token = at.query_params["slides"]
    assert len(token) >= 20

    again = app(slides=token)  # the browser reloads the URL: a new session, an empty session state
    again.switch_page("pages/13_slides.py").run()
    assert not again.exception
    entries = again.session_state["deck_basket"]
    assert [e.view.name for e in entries] == ["contract_rate_collective_city", "contract_rate_collective_2023"]
    assert again.query_params["slides"] == token
    again.button(key="remove_0").click().run()
    assert [e.view.name for e in app(slides=token).session_state["deck_basket"]] == ["contract_rate_collective_2023"]


@pytest.mark.parametrize("token", ["x" * 24, "../../etc/passwd", "short", ""])
def test_an_unknown_or_malformed_token_gives_an_empty_basket_and_leaves_the_url(app, token):
    at = app(slides=token)
    at.switch_page("pages/13_slides.py").run()
    assert not at.exception
    assert any("还没有挑选图表" in x.value for x in at.info)
    assert "slides" not in at.query_params


def test_a_basket_is_found_only_by_the_client_that_made_it():
    from ui.exports import BasketStore

    store = BasketStore()
    mine = store.get("t" * 24, "10.0.0.1", create=True)
    mine.append("slide")
    assert store.get("t" * 24, "10.0.0.1") == ["slide"]
    assert store.get("t" * 24, "10.0.0.2") is None  # a copied link opened on another machine


def test_the_store_keeps_a_bounded_number_of_baskets(monkeypatch):
    from ui import exports

    monkeypatch.setattr(exports, "BASKETS_KEPT", 3)
    store = exports.BasketStore()
    for i in range(5):
        store.get(f"{i}" * 24, "c", create=True)
    assert store.get("0" * 24, "c") is None and store.get("4" * 24, "c") == []
