package normalize

import "strings"

// hanSurname holds common Chinese and Korean family names written in Han
// characters, simplified and traditional, including two-character ones. A
// run of two to four Han characters that starts with one is split after it.
var hanSurname = setOf(`王 李 张 張 刘 劉 陈 陳 杨 楊 黄 黃 赵 趙 吴 吳 周 徐 孙 孫 马 馬 朱 胡 郭 何 林 罗 羅 高 郑 鄭 梁
谢 謝 宋 唐 许 許 韩 韓 冯 馮 邓 鄧 曹 彭 曾 肖 蕭 田 董 袁 潘 于 蒋 蔣 蔡 余 杜 叶 葉 程 苏 蘇 魏 吕 呂 丁 任 沈 姚
卢 盧 姜 崔 钟 鍾 谭 譚 陆 陸 汪 范 金 石 廖 贾 賈 夏 韦 韋 付 方 白 邹 鄒 孟 熊 秦 邱 江 尹 薛 闫 閻 段 雷 侯 龙 龍
史 陶 黎 贺 賀 顾 顧 毛 郝 龚 龔 邵 万 萬 钱 錢 严 嚴 覃 武 戴 莫 孔 向 汤 湯 常 温 溫 康 施 文 牛 樊 葛 邢 安 齐 齊
易 乔 喬 伍 庞 龐 颜 顏 倪 庄 莊 聂 聶 章 鲁 魯 岳 翟 殷 詹 申 欧 歐 耿 关 關 兰 蘭 焦 俞 左 柳 甘 祝 包 宁 寧 尚 符
舒 阮 柯 纪 紀 梅 童 凌 毕 畢 单 單 季 裴 霍 涂 成 苗 谷 盛 曲 翁 冉 骆 駱 蓝 藍 路 游 辛 靳 管 柴 蒙 鲍 鮑 华 華 喻
祁 蒲 房 滕 屈 饶 饒 解 牟 尤 阳 陽 时 時 穆 农 農 卓 古 吉 简 簡 车 車 项 項 连 連 麦 麥 褚 窦 竇 戚 岑 景 宫 宮
费 費 卜 冷 晏 席 卫 衛 米 柏 宗 瞿 桂 全 佟 应 應 臧 闵 閔 卞 姬 师 師 仇 栾 欒 隋 商 刁 沙 荣 榮 巫 寇 桑 郎 甄 丛
叢 仲 虞 敖 巩 鞏 明 池 查 麻 苑 迟 遲 邝 鄺 禹 慎 魚 玉 秋 河 弓 奇 邊 边 玄 表 南 扈 朴 鄭 權 权 柳 洪 吳 申 廉 卢 盧
欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 皇甫 南宫 南宮 东方 東方 令狐 宇文 长孙 長孫 慕容 鲜于 鮮于 独孤 獨孤 司徒 西门 西門`)

// koreanSurname holds common Korean family names in Hangul, including
// two-syllable ones. A Hangul word of two to four syllables that starts with
// one is split after it.
var koreanSurname = setOf(`김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심 노 하 곽
성 차 주 우 구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥
육 인 맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부 황보 남궁 제갈 선우 독고 사공 서문 리 림 라 로 량 려 렴 룡 륙`)

// koreanSurnameSpelling gives the conventional Latin spelling of Korean
// family names whose Revised Romanization has a different key: 이 is
// written Lee, 박 Park, 노 Roh.
var koreanSurnameSpelling = map[string]string{
	"이": "lee", "리": "lee", "임": "lim", "림": "im", "류": "yu", "유": "ryu", "노": "roh", "로": "noh",
	"나": "ra", "라": "na", "박": "park", "안": "ahn", "양": "ryang", "량": "yang", "여": "ryeo", "려": "yeo",
	"염": "ryeom", "렴": "yeom", "용": "ryong", "룡": "yong", "육": "ryuk", "륙": "yuk", "오": "oh", "우": "woo",
	"신": "shin", "심": "shim", "석": "suk", "성": "sung", "선": "sun",
}

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
