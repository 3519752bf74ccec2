package normalize

import (
	"strings"
	"sync"
)

// Japanese names written in kanji cannot be read from the characters: their
// readings are chosen per name (茂 is shige or mo, 田 ta or da). These are
// the Hepburn readings of common Japanese family names (most of the hundred
// and fifty most frequent) and of common given names, written for this
// package. Family names of one character are left out: 林, 森 and 原 are
// as much Chinese and Korean names.
const (
	japaneseFamilyNames = `佐藤 sato 鈴木 suzuki 高橋 takahashi 田中 tanaka 伊藤 ito 渡辺 watanabe 渡邊 watanabe 山本 yamamoto
中村 nakamura 小林 kobayashi 加藤 kato 吉田 yoshida 山田 yamada 佐々木 sasaki 山口 yamaguchi 松本 matsumoto
井上 inoue 木村 kimura 斎藤 saito 斉藤 saito 清水 shimizu 山崎 yamazaki 池田 ikeda 橋本 hashimoto 阿部 abe
石川 ishikawa 山下 yamashita 中島 nakajima 石井 ishii 小川 ogawa 前田 maeda 岡田 okada 長谷川 hasegawa
藤田 fujita 後藤 goto 近藤 kondo 村上 murakami 遠藤 endo 青木 aoki 坂本 sakamoto 福田 fukuda 太田 ota
西村 nishimura 藤井 fujii 金子 kaneko 岡本 okamoto 藤原 fujiwara 中野 nakano 三浦 miura 原田 harada
中川 nakagawa 松田 matsuda 竹内 takeuchi 小野 ono 田村 tamura 中山 nakayama 和田 wada 石田 ishida
森田 morita 上田 ueda 内田 uchida 柴田 shibata 酒井 sakai 宮崎 miyazaki 横山 yokoyama 高木 takagi
安藤 ando 宮本 miyamoto 大野 ono 小島 kojima 谷口 taniguchi 今井 imai 工藤 kudo 高田 takada 増田 masuda
丸山 maruyama 杉山 sugiyama 村田 murata 大塚 otsuka 新井 arai 小山 koyama 平野 hirano 藤本 fujimoto
河野 kono 上野 ueno 野口 noguchi 武田 takeda 松井 matsui 千葉 chiba 岩崎 iwasaki 菅原 sugawara
木下 kinoshita 久保 kubo 佐野 sano 野村 nomura 松尾 matsuo 市川 ichikawa 菊地 kikuchi 菊池 kikuchi
杉本 sugimoto 古川 furukawa 大西 onishi 島田 shimada 水野 mizuno 桜井 sakurai 高野 takano 吉川 yoshikawa
山内 yamauchi 西田 nishida 飯田 iida 西川 nishikawa 小松 komatsu 北村 kitamura 安田 yasuda 五十嵐 igarashi
川口 kawaguchi 平田 hirata 中田 nakata 久保田 kubota 服部 hattori 岩田 iwata 土屋 tsuchiya 川崎 kawasaki
福島 fukushima 本田 honda 樋口 higuchi 秋山 akiyama 荒木 araki 中西 nakanishi 松下 matsushita 大橋 ohashi
小池 koike 浅野 asano 田口 taguchi 中沢 nakazawa 野田 noda 宮田 miyata 小西 konishi 大久保 okubo
松岡 matsuoka 永井 nagai 森本 morimoto 吉村 yoshimura 小田 oda 岡崎 okazaki 内藤 naito 熊谷 kumagai
石原 ishihara 大川 okawa 松村 matsumura 堀 hori 望月 mochizuki 片山 katayama 川村 kawamura 高山 takayama`
	japaneseGivenNames = `太郎 taro 一郎 ichiro 次郎 jiro 健 ken 誠 makoto 浩 hiroshi 博 hiroshi 隆 takashi 茂 shigeru
清 kiyoshi 明 akira 勝 masaru 実 minoru 修 osamu 豊 yutaka 進 susumu 正 tadashi 学 manabu 大輔 daisuke
健太 kenta 翔太 shota 拓也 takuya 直樹 naoki 和也 kazuya 達也 tatsuya 哲也 tetsuya 秀樹 hideki 健一 kenichi
浩二 koji 信夫 nobuo 和夫 kazuo 一男 kazuo 幸雄 yukio 正男 masao 義男 yoshio 洋 hiroshi 由紀夫 yukio
文雄 fumio 康夫 yasuo 直人 naoto 純一郎 junichiro 雄一 yuichi 大介 daisuke 剛 tsuyoshi 俊介 shunsuke
洋子 yoko 裕子 yuko 恵子 keiko 京子 kyoko 幸子 sachiko 和子 kazuko 久美子 kumiko 由美子 yumiko 陽子 yoko
智子 tomoko 直子 naoko 明美 akemi 百合子 yuriko 聖子 seiko 真紀子 makiko 早苗 sanae 良子 yoshiko
美穂 miho 真由美 mayumi 恵 megumi 愛 ai 優子 yuko 麻衣 mai 彩 aya 花子 hanako`
)

// japaneseNames maps kanji to the readings of japaneseFamilyNames (index 0)
// and japaneseGivenNames (1), built on first use.
var japaneseNames = sync.OnceValue(func() [2]map[string]string {
	var m [2]map[string]string
	for i, list := range [2]string{japaneseFamilyNames, japaneseGivenNames} {
		m[i] = map[string]string{}
		f := strings.Fields(list)
		for j := 0; j+1 < len(f); j += 2 {
			m[i][f[j]] = f[j+1]
		}
	}
	return m
})

// japaneseFamilyLen returns the length in runes of the Japanese family name
// that starts a run of Han characters (offsets offs), and its reading; 0 if
// none does.
func japaneseFamilyLen(text string, offs []int) (int, string) {
	family := japaneseNames()[0]
	for l := min(3, len(offs)-1); l >= 2; l-- {
		if r, ok := family[text[:offs[l]]]; ok {
			return l, r
		}
	}
	return 0, ""
}

// japaneseGiven returns the reading of a common Japanese given name.
func japaneseGiven(text string) (string, bool) {
	r, ok := japaneseNames()[1][text]
	return r, ok
}
