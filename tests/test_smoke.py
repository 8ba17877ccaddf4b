import frivillig


def test_example_round_trips() -> None:
    collaboration = frivillig.load_example()
    assert frivillig.loads(frivillig.dumps(collaboration)) == collaboration
