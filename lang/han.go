package lang

import (
	"sync"

	"github.com/pemistahl/lingua-go"
)

// Han-only text (no kana) is Chinese or kanji-only Japanese: lingua calls all
// of it Chinese. The forms of the characters tell them apart more often than
// not. Japanese reformed its characters (shinjitai) differently from
// mainland Chinese (simplified) and kept many traditional forms, so:
//
//   - some forms are only Japanese (発 経 県 駅 円, 々 and a few
//     Japanese-made characters such as 働 込);
//   - some forms are only Chinese: simplified forms Japanese does not use
//     (们 这 说 发 经 时) and traditional forms Japanese replaced (會 國 說 發);
//   - Japanese mixes forms that Chinese keeps apart: a simplified form it shares
//     with mainland Chinese (会 国 党) next to a traditional form it shares with
//     Taiwan and Hong Kong (議 東 時) happens in Japanese, not in Chinese text
//     written consistently in one system.
//
// The tables list common characters only; they are evidence, not a
// dictionary, and a text with none of them stays Chinese.
const (
	// hanJapanese are forms used in Japanese and in neither Chinese system.
	hanJapanese = "発経続県駅売対総関図広気歳戦転鉄権実単円挙済銭価険検験営栄労働様帰読説覧辺変両満仏沢択訳駆拡脳悩録" +
		"亜悪圧囲隠応桜穏仮壊懐楽巻陥勧歓観顔偽犠拠峡挟暁恵掲渓軽継鶏撃倹剣圏効鉱黒砕斎剤雑桟賛糸歯児" +
		"釈収従渋獣縦粛処奨焼乗浄剰畳縄壌嬢譲醸寝粋酔穂髄斉瀬摂専繊荘捜挿巣騒増臓蔵帯滝団弾遅鋳庁徴聴" +
		"逓伝稲闘徳覇廃拝髪抜浜払塀弁舗歩豊毎黙薬謡揺頼竜猟緑涙塁隷霊齢暦歴郷渉晩戻衆値証潟" +
		"込畑峠枠匂栃々"
	// hanChinese are forms used in Chinese (simplified or traditional) and
	// not in Japanese.
	hanChinese = "们这说对发经时个为过还动见进长东车门问间关开报场组织统总应该从军华韩议论认让记讲话语请谁读调谈" +
		"举选级线红约终结给绝网导队阳阴际陆险脑岁产亿业乡书买卖亚严丰临义乐习云亲仅众优伤传价侧儿兴养" +
		"冲决况减击刘则刚创别剧劝办务劳势协单卫厂历压县变吗启员响围图圆坏块坚坛处备复头夺奋妇宁实审宪" +
		"宫尔尘层岛币师帐带帮广废异张弹强归录彻忆态怀恶惊惯战户扑执扩扫扬扰抢护择挤挥损换摄摆敌无显暂" +
		"术杀杂权杨极构枪柜标栏树样档梦检欢步毁毕气汇汉汤沟沪泪泽洁浓润涨渐滚滤滥灭灵灾炼烟热爱爷牵犹" +
		"猎环现电畅疗疯监盘确码础祸离种积稳穷窗竞笔简类粮紧纠纤纪纯纲纳纵纷纸练细绕绘络继绩续维综绿缓" +
		"编缘缩缴罗罚罢职联聪肃肠肤胁脏腾舆舰艺节苏荐获营萧药虑虽补规视览觉订讨训讯许设访证评识诉词译" +
		"试诗诚询详误诸课谋谓谢负贡财责贤败货质贩贪购贯贴贵贷贸费贺资赔赛赞赢赵赶趋跃轨转轮软轻载较辅" +
		"辆辈辑输辖边达迁运远违连迟递逻遗邓邮邻郑释针钓钟钢钱铁银销锁锋错键镇闪闭闯闻阀阁阵阶陈隐难雾" +
		"页顶项顺须顾顿预领频题颜额风飞饭饮馆马驱驶验骗鱼鲁鸟鸡齐龙么并于收值" +
		"這們說對發經來與將當從灣臺區亞總濟歲萬數黨舉戰鐵權聲變邊點體處聽廳氣圖團傳寫讓讀應號價單雙麼" +
		"裡會國學實關險腦產賣嚴豐樂鄉眾兒擊勸辦卻廠歷壓縣參啟圍圓壞壇寶壽屬帶幫廣莊廢彈歸錄懷戀惡擴擾" +
		"搶擔擇擠據攝擺鬥斷舊顯雜條槍樣檔檢樓歡歐匯沒滬淚澤淺瀏漲溫濕滾滿燈靈爐爺狀獨狹獵豬獻畫暢碼禮" +
		"稱穩糾纖縱繞繪繼續綠緣繳聯聰肅腳藝蘆萊營藥雖裝覽覺觸證譯醫黃"
	// hanSimplified are simplified forms (the traditional form differs) that
	// Japanese uses too.
	hanSimplified = "会国党学区体号旧万来当点条状数独礼湾医与写双宝将属断担灯尽随虫乱余恋炉楼辞声争壮装麦励湿浅践" +
		"狭猪献称盗静黄温画届没径恒税欧触窃寿残斗芦胆滞堕惨潜枢叙禅蛮誉脚据晋参"
	// hanTraditional are traditional forms (the simplified form differs) that
	// Japanese uses too.
	hanTraditional = "東車長門問開間見進報機動議論認記話語請調談級線約終結給網隊陽際陸億業書買臨義習雲親優傷側興養" +
		"衝況減則剛創劇勢華協員場塊堅備復頭奪奮婦審憲宮島幣師帳張強徹憶態驚慣執掃揚護擬擁揮損換敵無暫" +
		"術殺楊極構標樹夢毀畢湯溝潔測濃潤漸滅災熱愛猶環現電療監盤確礎離種積窮競筆築簡糧緊紅紀純綱納紛" +
		"紙練組細織絡統績維綜緩編縮羅罰罷職腸膚脅勝騰輿艦範薦獲慮補規視計訂討訓訊許設訪評識訴詞試詩誠" +
		"該詳誤諸課誰謀謂謝貝負貢財責賢敗貨質販貪購貫貼貴貸貿費賀資賠賞贈輸輪軟軍較輔輩轄運連達遠違遺" +
		"郵針釣鐘鋼銀錯鍵閉閣陣陳陰階難霧頂項順須頓預領頻題額風飛飯飲館馬魚鳥時個為過還後導層務漢衛節" +
		"類響寧僅決別選鮮賃"
)

// hanClass is the evidence one Han character gives.
type hanClass uint8

const (
	hanNeutral hanClass = iota
	hanJa               // only Japanese
	hanZh               // only Chinese
	hanS                // simplified, shared with Japanese
	hanT                // traditional, shared with Japanese
)

// hanClasses is built on first use from the tables above, which are
// disjoint.
var hanClasses = sync.OnceValue(func() map[rune]hanClass {
	m := make(map[rune]hanClass, 1500)
	for _, t := range []struct {
		chars string
		class hanClass
	}{{hanJapanese, hanJa}, {hanChinese, hanZh}, {hanSimplified, hanS}, {hanTraditional, hanT}} {
		for _, r := range t.chars {
			m[r] = t.class
		}
	}
	return m
})

// hanEvidence counts the characters of a Han-only text that speak for
// Japanese and for Chinese.
type hanEvidence struct {
	ja, zh int
}

// weighHan reads the Han characters of the sample windows.
func weighHan(windows []string) hanEvidence {
	classes := hanClasses()
	var n [hanT + 1]int
	for _, w := range windows {
		for _, r := range w {
			n[classes[r]]++
		}
	}
	return hanEvidence{ja: n[hanJa] + min(n[hanS], n[hanT]), zh: n[hanZh]}
}

// hanNats is the weight of one piece of evidence: it makes its language
// about 4.5 times as likely.
const hanNats = 1.5

// scores returns Chinese and Japanese, best first; Chinese on a tie.
func (e hanEvidence) scores() []score {
	zh := score{lingua.Chinese, float64(e.zh) * hanNats}
	ja := score{lingua.Japanese, float64(e.ja) * hanNats}
	if ja.logp > zh.logp {
		return []score{ja, zh}
	}
	return []score{zh, ja}
}
