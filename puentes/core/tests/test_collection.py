import gc

from puentes.core.collection import collector_paused


def test_the_collector_is_paused_inside_and_back_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        assert gc.get_freeze_count() > 0  # what was alive before is set aside
        with collector_paused():  # nested: the outer block decides
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_the_collector_comes_back_when_the_work_fails():
    try:
        with collector_paused():
            raise ValueError("the batch broke")
    except ValueError:
        pass
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
