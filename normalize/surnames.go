package normalize

import (
	"strings"
	"sync"
)

// hanSurnameList holds common Chinese and Korean family names written in Han
// characters, simplified and traditional, including two-character ones. A
// run of two to four Han characters that starts with one is split after it.
const hanSurnameList = `王 李 张 張 刘 劉 陈 陳 杨 楊 黄 黃 赵 趙 吴 吳 周 徐 孙 孫 马 馬 朱 胡 郭 何 林 罗 羅 高 郑 鄭 梁
谢 謝 宋 唐 许 許 韩 韓 冯 馮 邓 鄧 曹 彭 曾 肖 蕭 田 董 袁 潘 于 蒋 蔣 蔡 余 杜 叶 葉 程 苏 蘇 魏 吕 呂 丁 任 沈 姚
卢 盧 姜 崔 钟 鍾 谭 譚 陆 陸 汪 范 金 石 廖 贾 賈 夏 韦 韋 付 方 白 邹 鄒 孟 熊 秦 邱 江 尹 薛 闫 閻 段 雷 侯 龙 龍
史 陶 黎 贺 賀 顾 顧 毛 郝 龚 龔 邵 万 萬 钱 錢 严 嚴 覃 武 戴 莫 孔 向 汤 湯 常 温 溫 康 施 文 牛 樊 葛 邢 安 齐 齊
易 乔 喬 伍 庞 龐 颜 顏 倪 庄 莊 聂 聶 章 鲁 魯 岳 翟 殷 詹 申 欧 歐 耿 关 關 兰 蘭 焦 俞 左 柳 甘 祝 包 宁 寧 尚 符
舒 阮 柯 纪 紀 梅 童 凌 毕 畢 单 單 季 裴 霍 涂 成 苗 谷 盛 曲 翁 冉 骆 駱 蓝 藍 路 游 辛 靳 管 柴 蒙 鲍 鮑 华 華 喻
祁 蒲 房 滕 屈 饶 饒 解 牟 尤 阳 陽 时 時 穆 农 農 卓 古 吉 简 簡 车 車 项 項 连 連 麦 麥 褚 窦 竇 戚 岑 景 宫 宮
费 費 卜 冷 晏 席 卫 衛 米 柏 宗 瞿 桂 全 佟 应 應 臧 闵 閔 卞 姬 师 師 仇 栾 欒 隋 商 刁 沙 荣 榮 巫 寇 桑 郎 甄 丛
叢 仲 虞 敖 巩 鞏 明 池 查 麻 苑 迟 遲 邝 鄺 禹 慎 魚 玉 秋 河 弓 奇 邊 边 玄 表 南 扈 朴 鄭 權 权 柳 洪 吳 申 廉 卢 盧
欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 皇甫 南宫 南宮 东方 東方 令狐 宇文 长孙 長孫 慕容 鲜于 鮮于 独孤 獨孤 司徒 西门 西門`

// koreanSurnameList holds common Korean family names in Hangul, including
// two-syllable ones. A Hangul word of two to four syllables that starts with
// one is split after it.
const koreanSurnameList = `김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심 노 하 곽
성 차 주 우 구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥
육 인 맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부 황보 남궁 제갈 선우 독고 사공 서문 리 림 라 로 량 려 렴 룡 륙`

// koreanSurnameSpelling gives the conventional Latin spelling of Korean
// family names whose Revised Romanization has a different key: 이 is
// written Lee, 박 Park, 노 Roh.
func koreanSurnameSpelling(s string) (string, bool) {
	switch s {
	case "이", "리":
		return "lee", true
	case "임":
		return "lim", true
	case "림":
		return "im", true
	case "류":
		return "yu", true
	case "유":
		return "ryu", true
	case "노":
		return "roh", true
	case "로":
		return "noh", true
	case "나":
		return "ra", true
	case "라":
		return "na", true
	case "박":
		return "park", true
	case "안":
		return "ahn", true
	case "양":
		return "ryang", true
	case "량":
		return "yang", true
	case "여":
		return "ryeo", true
	case "려":
		return "yeo", true
	case "염":
		return "ryeom", true
	case "렴":
		return "yeom", true
	case "용":
		return "ryong", true
	case "룡":
		return "yong", true
	case "육":
		return "ryuk", true
	case "륙":
		return "yuk", true
	case "오":
		return "oh", true
	case "우":
		return "woo", true
	case "신":
		return "shin", true
	case "심":
		return "shim", true
	case "석":
		return "suk", true
	case "성":
		return "sung", true
	case "선":
		return "sun", true
	}
	return "", false
}

// surnames are the sets of hanSurnameList and koreanSurnameList, built on
// first use.
var surnames = sync.OnceValue(func() [2]map[string]bool {
	return [2]map[string]bool{setOf(hanSurnameList), setOf(koreanSurnameList)}
})

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// hanSurnameLen returns the length in runes of the family name that starts
// a run of Han characters, 0 if none does. offs are the rune offsets of
// text.
func hanSurnameLen(text string, offs []int) int {
	set, n := surnames()[0], len(offs)-1
	switch {
	case n >= 3 && set[text[:offs[2]]]:
		return 2
	case n >= 2 && set[text[:offs[1]]]:
		return 1
	}
	return 0
}

// koreanSurnameLen returns the length in syllables of the family name that
// starts a Hangul word written as a Korean name, 0 if the word is not one: it
// has two to four syllables, four only after a two-syllable family name, and
// no syllable after the first with the vowel ㅡ alone, which Korean adds to
// the consonant clusters of foreign words (스, 크, 트, 쓰: 마크롱,
// 도시미쓰).
func koreanSurnameLen(text string, offs []int) int {
	set, n := surnames()[1], len(offs)-1
	s := 0
	switch {
	case n >= 3 && set[text[:offs[2]]]:
		s = 2
	case n >= 2 && n <= 3 && set[text[:offs[1]]]:
		s = 1
	}
	if s == 0 || n > 4 {
		return 0
	}
	for i, r := range text {
		if i > 0 && r >= 0xAC00 && r <= 0xD7A3 && (r-0xAC00)%28 == 0 && (r-0xAC00)/28%21 == 18 {
			return 0
		}
	}
	return s
}
