"""Words the OCR ran together, set apart (invented card text)."""

from assistant.cards.words import split_run_words


def test_common_words_run_together_are_split() -> None:
    # Given a title read without its spaces, in capitals or in small letters
    # When the run is split
    # Then every word stands apart, in the case it was printed
    assert split_run_words("HEADOFMARKETING") == "HEAD OF MARKETING"
    assert split_run_words("Chiefofstaff") == "Chief of staff"


def test_names_and_brands_stay_whole() -> None:
    # Given words that are not common English words (a surname, a made-up brand)
    # Then they are left as printed
    assert split_run_words("Okonkwo ZAVRIXTEC") == "Okonkwo ZAVRIXTEC"


def test_numbers_run_into_words_are_split_but_links_are_not() -> None:
    # Given an address number glued to its street and an address with digits
    assert split_run_words("Suite210") == "Suite 210"
    assert split_run_words("jo.bloggs42@example.com") == "jo.bloggs42@example.com"


def test_a_name_in_capitals_is_not_split_into_syllables() -> None:
    # Given a name in capitals that splits into common words of two letters, not joining words
    # Then it stays whole; a title with a joining word is still split
    assert split_run_words("ESTORIAN") == "ESTORIAN"
    assert split_run_words("EUMARINE") == "EUMARINE"
    assert split_run_words("HEADOFSALES") == "HEAD OF SALES"
