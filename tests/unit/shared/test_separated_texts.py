"""A column's JSON texts joined in one text (shared/db/separated_texts.py): each text and each NULL in its place,
and a text the marks would cut refused rather than split."""
import json

import pytest

from shared.db.separated_texts import NULL, SEPARATOR, separated, split_sql, unseparated

pytestmark = pytest.mark.unit


def test_the_texts_are_joined_in_order_with_a_null_as_its_mark():
    texts = ['{"a": 1}', None, "[]", 'null', '"say \\"hi\\" \\\\ {},"']
    assert separated(texts) == SEPARATOR.join(['{"a": 1}', NULL, "[]", "null", '"say \\"hi\\" \\\\ {},"'])
    assert separated([None]) == NULL and separated(["{}"]) == "{}"


def test_the_joined_text_splits_back_into_the_texts_and_nulls_given():
    texts = ['{"a": 1}', None, "[]", '"x"', None]
    assert unseparated(separated(texts)) == texts and unseparated(separated([None])) == [None]


def test_json_escapes_the_two_marks_inside_its_strings():
    text = json.dumps({"note": SEPARATOR + NULL})
    assert SEPARATOR not in text and NULL not in text
    assert separated([text, text]) == text + SEPARATOR + text


@pytest.mark.parametrize("texts", [["{}", '"a' + SEPARATOR + 'b"'], ['"' + NULL + '"'], [NULL], ["{}", NULL], [""]])
def test_a_text_the_marks_would_cut_or_an_empty_text_alone_is_refused(texts):
    with pytest.raises(ValueError, match="U\\+001E"):
        separated(texts)


def test_the_statement_splits_the_parameter_on_the_same_marks():
    assert split_sql("t0_detail") == "string_to_array(CAST(:t0_detail AS text), chr(30), chr(31))"
