from pipelines.nlp.events.plover_eval import gold_type, predictions_from_rows, score_plover

RECORDS = [
    {"text": "A attacked B.", "event": "FIGHT", "source": [{"code": "RUS"}], "target": [{"code": "UKR"}]},
    {"text": "A demanded C.", "event": "DEMAND", "source": [{"code": "USA"}], "target": ""},
    {"text": "nothing", "event": "AGREE", "source": [{"code": "FRA"}]},
]


def fake_predict(text):
    if "attacked" in text:
        return [{"type": "ACCUSE", "start": 9, "source_countries": {"UKR"}, "target_countries": set()},
                {"type": "ASSAULT", "start": 0, "source_countries": {"RUS"}, "target_countries": {"UKR"}}]
    if "demanded" in text:
        return [{"type": "REQUEST", "start": 0, "source_countries": {"GBR"}, "target_countries": set()}]
    return []


def test_plover_05_names_map_to_20():
    assert [gold_type(r) for r in RECORDS] == ["ASSAULT", "REQUEST", "AGREE"]
    assert gold_type({"event": "investigate"}) == "ACCUSE"


def test_score_uses_the_first_event_and_gold_coded_slots_only():
    result = score_plover(RECORDS, fake_predict)
    assert result["n"] == 3
    assert abs(result["type_accuracy"] - 2 / 3) < 1e-9
    assert result["source_country_agreement"] == 1 / 3   # RUS hit, USA miss, FRA no prediction
    assert result["target_country_agreement"] == 1.0     # only the first record codes a target
    assert result["confusion"] == [{"gold": "AGREE", "predicted": None, "count": 1}]


def test_rows_group_compound_actors_into_one_prediction():
    rows = [
        {"event_type": "AGREE", "sentence_start": 0, "mode": None, "start_char": 7, "end_char": 40,
         "source_actor_id": "h", "target_actor_id": None, "modality": "asserted"},
        {"event_type": "AGREE", "sentence_start": 0, "mode": None, "start_char": 20, "end_char": 40,
         "source_actor_id": "r", "target_actor_id": None, "modality": "asserted"},
    ]
    actors = [{"actor_id": "h", "country": "HUN"}, {"actor_id": "r", "country": "ROU"}]
    [prediction] = predictions_from_rows(rows, actors)
    assert prediction["source_countries"] == {"HUN", "ROU"} and prediction["start"] == 7
