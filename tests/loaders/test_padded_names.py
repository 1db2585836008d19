"""close_padded_names on single lines: a name print padded to three characters' width is one name again."""
from __future__ import annotations

import pytest

from govgraph.loaders.padded_names import close_padded_names


@pytest.mark.parametrize("line,want", [
    ("副市长王 伟、李晓燕、刘 军，秘书长许文出席会议。", "副市长王伟、李晓燕、刘军，秘书长许文出席会议。"),
    ("市委副书记、市长周 强主持召开会议", "市委副书记、市长周强主持召开会议"),
    ("本报讯（记者 陈 静 通讯员 黄 河）11月28日", "本报讯（记者 陈静 通讯员 黄河）11月28日"),
    ("张慧君 顾 辉", "张慧君 顾辉"),
    # what is not a padded name keeps its space
    ("■通 讯 员 王成虎", "■通 讯 员 王成虎"),
    ("省十三届人大一次会议 明年1月25日在穗召开", "省十三届人大一次会议 明年1月25日在穗召开"),
    ("督查组赴各省（区 市）开展督查", "督查组赴各省（区 市）开展督查"),
    ("王忠林主持并讲话 孙述涛殷鲁谦出席", "王忠林主持并讲话 孙述涛殷鲁谦出席"),
])
def test_close_padded_names(line, want):
    assert close_padded_names(line) == want
