"""Every page renders cleanly, cold cache, on a 3,000-article warehouse.

How fast is measured by `make bench` (never asserted in tests).
"""

from __future__ import annotations

import pytest
import streamlit as st
from dashboard_testkit import APP, PAGES, assert_clean
from streamlit.testing.v1 import AppTest

import dashboard_warehouse_builder as builder


@pytest.mark.slow
def test_pages_render_on_3000_articles(tmp_path, monkeypatch):
    snapshot = builder.write_warehouse(tmp_path / "published" / "warehouse.duckdb", builder.synthetic_corpus(3000))
    monkeypatch.setenv("PRESSWATCH_PUBLISHED", str(snapshot))
    monkeypatch.setenv("PRESSWATCH_EVAL_RESULTS", str(tmp_path / "none.json"))
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.run()
    assert_clean(at)
    for page in PAGES:
        st.cache_data.clear()
        at.switch_page(page)
        at.run()
        assert_clean(at)
