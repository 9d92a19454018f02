from pipelines.evaluation.plover import gold_type, main_events, score_plover


def gold(event, source=(), target=()):
    return {"event": event, "source": [{"actorText": c, "code": c} for c in source],
            "target": [{"actorText": c, "code": c} for c in target] if target else ""}


def test_plover_05_names_are_mapped():
    assert [gold_type({"event": e}) for e in ("DEMAND", "DISAPPROVE", "FIGHT", "INVESTIGATE", "AGREE")] == \
        ["REQUEST", "ACCUSE", "ASSAULT", "ACCUSE", "AGREE"]


def test_first_event_by_offset_with_its_compound_rows():
    record = {"events": [{"type": "B", "start": 30, "end": 40}, {"type": "A", "start": 5, "end": 9, "source": "x"},
                         {"type": "C"}, {"type": "A", "start": 5, "end": 9, "source": "y"},
                         {"type": "B", "start": 5, "end": 9}]}
    assert [e["source"] for e in main_events(record)] == ["x", "y"]
    assert main_events({"events": []}) == []


def test_compound_source_agrees_when_any_country_is_gold():
    actors = [{"name": "Hungary", "kind": "country", "country": "HUN"},
              {"name": "Chile", "kind": "country", "country": "CHL"}]
    record = {"actors": actors, "events": [{"type": "AGREE", "source": "Chile", "start": 0, "end": 5},
                                           {"type": "AGREE", "source": "Hungary", "start": 0, "end": 5}]}
    assert score_plover([(gold("AGREE", ["HUN", "ROU"]), record)]).source_country.value == 1.0


def test_types_and_country_agreement():
    actors = [{"name": "Hungarian officials", "kind": "group", "country": "HUN"},
              {"name": "Romania", "kind": "country", "country": "ROU"},
              {"name": "Iraq", "kind": "country", "country": "IRQ"}]
    pairs = [
        (gold("FIGHT", ["HUN", "ROU"], ["IRQ"]),
         {"actors": actors, "events": [{"type": "ASSAULT", "source": "Hungarian officials", "target": "Iraq", "start": 0}]}),
        (gold("DEMAND", ["IRQ"]),                                    # no target code: target not judged
         {"actors": actors, "events": [{"type": "ACCUSE", "source": "Romania", "target": None, "start": 0}]}),
        (gold("AGREE", ["ROU"], ["IRQ"]), {"actors": actors, "events": []}),
    ]
    score = score_plover(pairs)
    assert (score.types.hits, score.types.total) == (1, 3)
    assert (score.source_country.hits, score.source_country.total) == (1, 3)
    assert (score.target_country.hits, score.target_country.total) == (1, 2)
    assert score.country.value == 2 / 5
    assert score.confusion == {("REQUEST", "ACCUSE"): 1, ("AGREE", None): 1}


def test_explicit_country_fields_win():
    pair = (gold("AGREE", ["USA"], ["JOR"]),
            {"actors": [], "events": [{"type": "AGREE", "source": "Washington", "source_country": "usa",
                                       "target": {"name": "Amman", "country": "JOR"}}]})
    score = score_plover([pair])
    assert score.country.value == 1.0
