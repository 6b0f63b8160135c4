"""Japanese names written in kanji, read the way an English translation spells them.

A kanji has many readings, and a name may take a rare one: no table short of a dictionary of names
reads every name. This one is small and hand-written for mtaudit (the readings are common knowledge,
not copied from a dictionary or database): the characters of the common family names, given names and
place names, each with the readings names use, in Hepburn romanization without long vowels (東 to,
京 kyo: Tokyo). It can confirm that a romanized name of the translation is written nearby in the
original (宮本: Miyamoto, 大久保: Okubo, 北海道: Hokkaido); it can never prove that a name is absent,
so the caller uses a failure only together with other evidence.

Spelling variants of the translation are accepted: a long vowel written or not (Sato, Satou, Satoh;
Ohno, Oono, Ono), n written m before b, p and m (Shimbun), a doubled consonant where a syllable
ending in ku, ki, tsu or chi runs into the next (北海道: Hokkaido; 日光: Nikko), the voiced form of a
second character (川: kawa, gawa) as the table lists it, 々 repeating the character before it
(佐々木: Sasaki), and kana inside a name (関ケ原: Sekigahara; 井ノ上: Inoue).
"""

from __future__ import annotations

import functools
import re

# ------------------------------------------------------------------------------ kana
_KANA = dict(
    zip(
        "アイウエオカキクケコガギグゲゴサシスセソザジズゼゾタチツテトダヂヅデドナニヌネノハヒフヘホバビブベボパピプペポ"
        "マミムメモヤユヨラリルレロワヰヱヲンヴ",
        "a i u e o ka ki ku ke ko ga gi gu ge go sa shi su se so za ji zu ze zo ta chi tsu te to da ji zu de do "
        "na ni nu ne no ha hi fu he ho ba bi bu be bo pa pi pu pe po ma mi mu me mo ya yu yo ra ri ru re ro "
        "wa wi we o n vu".split(),
        strict=True,
    )
)
_SMALL_Y = {"ャ": "a", "ュ": "u", "ョ": "o"}
_SMALL_VOWEL = {"ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o"}


def romanize_kana(text: str) -> str:
    """Hepburn romanization of katakana (hiragana too): "ウィリアム" -> "wiriamu"; the long-vowel
    mark and the small tsu (a doubled consonant) are dropped, as a skeleton drops them anyway."""
    out: list[str] = []
    for char in text:
        if "\u3041" <= char <= "\u3096":
            char = chr(ord(char) + 0x60)  # hiragana to katakana
        if char in _SMALL_Y and out:
            last = out[-1]
            out[-1] = (last[:-1] if last.endswith(("shi", "chi")) or last == "ji" else last[:-1] + "y") + _SMALL_Y[char]
        elif char in _SMALL_VOWEL and out:
            last = out[-1]
            stem = {"u": "w", "vu": "v", "fu": "f", "tsu": "ts", "shi": "sh", "chi": "ch", "ji": "j"}.get(last)
            out[-1] = (stem if stem is not None else last[:-1]) + _SMALL_VOWEL[char]
        elif char in _KANA:
            out.append(_KANA[char])
        elif char in _SMALL_VOWEL:
            out.append(_SMALL_VOWEL[char])
    return "".join(out)


# ------------------------------------------------------------------------------ kanji
# One entry a character: the character, then its readings in names, separated by commas.
_TABLE = """
一:ichi,kazu,hito,i 二:ni,ji,futa 三:mi,san,zo,so,sa 四:shi,yo,yon 五:go,itsu,i 六:roku,mu 七:nana,shichi
八:ya,hachi,ha 九:ku,kyu 十:to,ju,so 百:momo,hyaku 千:chi,sen,ju 万:man,ban,yorozu 億:oku
佐:sa,suke 藤:to,do,fuji 鈴:suzu,rin 木:ki,gi,moku,ko 高:taka,ko 髙:taka,ko 橋:hashi,bashi,kyo 田:ta,da,den
中:naka,chu,ju 渡:wata,to 辺:nabe,be,hen 邊:nabe,be 邉:nabe,be 伊:i 山:yama,san,zan 本:moto,hon,pon,bon
小:ko,o,sho,sa 林:hayashi,bayashi,rin 加:ka 吉:yoshi,kichi,kitsu 村:mura,son 井:i,sei 上:ue,kami,jo,gami
斎:sai 斉:sai 齋:sai 齊:sai 清:kiyo,sei,shin 水:mizu,sui,mi,zu 池:ike,chi 阿:a,o 部:be,bu,to,pe
森:mori,shin 石:ishi,seki,koku,koku,iwa 川:kawa,gawa,sen 河:kawa,gawa,ka,ga,ko 前:mae,zen 後:go,ushiro,ato,shiri
岡:oka 長:naga,cho,osa 谷:tani,ya,dani,gai,gaya,yatsu 近:kon,chika 坂:saka,zaka,han,ban 阪:saka,han,zaka
遠:to,en,o 青:ao,sei 西:nishi,sai,sei 東:higashi,azuma,to 南:minami,nan,na,nami 北:kita,hoku,ho
原:hara,bara,wara,gen 野:no,ya 松:matsu,sho 竹:take,chiku,dake 内:uchi,nai,chi 宮:miya,gu,ku,kyu
崎:saki,zaki 﨑:saki,zaki 埼:sai,saki 島:shima,jima,to 嶋:shima,jima 嶌:shima,jima 浜:hama 濱:hama 福:fuku,puku
増:masu,zo 沢:sawa,zawa,taku 澤:sawa,zawa 菅:suga,kan,suge 平:hira,taira,hei,bira,pei 安:a,yasu,an
和:wa,kazu,ka,o 久:ku,hisa,gu 保:ho,bo,yasu,po 永:naga,ei,e 丸:maru 今:ima,kon 工:ku,ko 堀:hori,bori
横:yoko,o 杉:sugi,san 桜:sakura,o,zakura 櫻:sakura,o 菊:kiku,giku 市:ichi,shi 岩:iwa,gan 服:fuku,hat
葉:ba,ha,yo,wa 荒:ara,ko 新:nii,shin,ara,atara 大:o,dai,tai,hiro,masa,ta 関:seki,zeki,kan 秋:aki,shu
土:tsuchi,do,to,hiji 屋:ya,oku 星:hoshi,sei,boshi 金:kane,kin,kana,gane,kon 子:ko,shi,ji,ne,go 武:take,bu,mu
奥:oku,o 片:kata 桑:kuwa,so 名:na,mei,myo 梅:ume,bai 柳:yanagi,ryu,yagi 宇:u 都:to,tsu,miya 富:tomi,to,fu
熊:kuma,yu 鹿:ka,shika,ga,roku 馬:ma,uma,ba 牛:ushi,gyu 犬:inu,ken 鳥:tori,to,dori,cho 亀:kame,game,ki
鶴:tsuru,zuru,kaku 鷹:taka 白:shira,haku,shiro,jira 黒:kuro,guro,koku 赤:aka 緑:midori 銀:gin 沼:numa 湖:ko
泉:izumi,sen,zumi 滝:taki,daki 瀧:taki,daki 浦:ura 津:tsu,zu,shin 港:minato,ko 江:e,ko,go 瀬:se,ze 洲:su,shu
尾:o,bi 根:ne,kon 岸:kishi,gishi,gan 辻:tsuji 畑:hata,bata 畠:hata,bata 園:sono,zono,en 寺:tera,dera,ji
神:kami,kan,jin,ka,shin,ko,gami 社:sha,ja,yashiro 城:shiro,jo,gi,ki 門:kado,mon,to 戸:to,do,ko,be,he
家:ie,ka,ke,ya 倉:kura,gura,so 蔵:kura,zo,gura 所:tokoro,sho,jo,dokoro 堂:do 道:michi,do,to 町:machi,cho
里:sato,ri,zato 郷:go,sato,kyo 国:kuni,koku,goku 州:shu,su 県:ken 区:ku 峰:mine,ho 岳:take,dake,gaku
丘:oka 杜:mori,to 樹:ki,ju,iki,tatsu 草:kusa,so,gusa 花:hana,ka,bana 芝:shiba 萩:hagi 荻:ogi 蒲:kama,gama
葛:kuzu,katsu 桂:katsura,kei 楠:kusu,nan 榎:enoki 槙:maki 柴:shiba 栗:kuri,guri 桐:kiri,giri 椎:shii,shi
柏:kashiwa,gashiwa 梶:kaji 檜:hinoki,hi 相:ai,so,sho,sa 羽:ha,wa,ba,u 生:o,u,ki,sei,iku,nama,bu,fu,sho
目:me 月:tsuki,getsu,zuki 日:hi,ka,nichi,nit,bi,nik,ni 朝:asa,tomo,cho 夕:yu 春:haru,shun 浅:asa 深:fuka,shin
早:haya,sa,so,saki 速:haya 常:tsune,jo 立:tachi,ritsu,tate,tatsu,dachi 植:ue 望:mochi,mo,bo,nozomi
住:sumi,ju 喜:ki,yoshi 多:ta,o,da 元:moto,gen 下:shita,shimo,ge,ka 八:ya,hachi 廣:hiro,ko 広:hiro,ko
曽:so 曾:so 会:ai,kai,e 舘:tate,date,kan 館:tate,date,kan 越:koshi,goshi,etsu 笠:kasa,gasa 鎌:kama
須:su 賀:ga,ka 磯:iso 尻:jiri,shiri 脇:waki 鬼:oni,ki 魚:uo,na 塚:tsuka,zuka 稲:ina,to 米:yone,kome,bei,me
麦:mugi 豆:mame,zu 樋:hi 槻:tsuki 秦:hata,shin 牧:maki 巻:maki 真:ma,shin,masa,sana,mi 間:ma,aida,ken
鍋:nabe 釜:kama 飯:ii,han 坪:tsubo 矢:ya 弓:yumi 玉:tama,dama,gyoku 宝:takara,ho 珠:tama,ju 角:kado,kaku,sumi
樫:kashi 菱:hishi,bishi 若:waka 老:o,ro 君:kimi,kun 臣:omi 守:mori,shu 坊:bo 院:in 嵐:arashi 雨:ame,u
雲:kumo,un,gumo 霧:kiri 風:kaze,fu 鳩:hato 鷲:washi 烏:karasu 寿:hisa,ju,toshi,su 尚:nao,hisa,sho
直:nao,tada,naho 数:kazu 勝:katsu,masaru,sho,kachi 克:katsu 潔:kiyoshi 聖:sei,kiyo,sato,hijiri
誠:makoto,sei,masa 正:masa,sho,sei,tada 昌:masa,sho 雅:masa,ga,miyabi 政:masa,sei 将:masa,sho
昭:aki,sho 明:aki,mei,akira,myo 晃:aki,ko,akira 彰:aki,sho,akira 章:aki,sho,akira 光:mitsu,hikari,hikaru,ko
充:mitsu,ju 満:mitsu,man 実:mi,minoru,sane,jitsu 稔:minoru,nen 豊:yutaka,toyo,ho 裕:yu,hiro,yutaka
祐:yu,suke 雄:o,yu,takeshi,taka 勇:yu,isamu 友:tomo,yu 智:tomo,sato,chi,satoshi 知:tomo,chi,nori
朋:tomo 浩:hiro,ko 博:hiro,haku 弘:hiro,ko 宏:hiro,ko 洋:hiro,yo 寛:hiro,kan 紀:nori,ki 則:nori,soku
典:nori,ten,suke 範:nori 規:nori,ki 法:nori,ho 憲:nori,ken 義:yoshi,gi 良:yoshi,ryo,ra 善:yoshi,zen 芳:yoshi
好:yoshi 佳:yoshi,ka,kei 慶:yoshi,kei 嘉:yoshi,ka 由:yoshi,yu,yui 美:mi,yoshi,bi 秀:hide,shu 英:hide,ei
栄:ei,sakae,hide,e 俊:toshi,shun 敏:toshi,bin 利:toshi,ri 年:toshi,nen 聡:satoshi,sato,so,akira 悟:satoru,go
哲:tetsu,satoshi,aki 徹:tetsu,toru 鉄:tetsu 修:osamu,shu 治:ji,haru,osamu,chi 晴:haru,sei,hare 遥:haruka,haru,yo
信:nobu,shin 伸:nobu,shin 延:nobu,en 宣:nobu,sen 進:susumu,shin 純:jun,sumi 潤:jun 順:jun 淳:jun,atsu,atsushi
篤:atsu,atsushi 敦:atsu,atsushi 厚:atsu,atsushi,ko 亮:ryo,akira,suke 涼:ryo,suzu 諒:ryo 遼:ryo 恭:kyo,yasu
亨:toru,ko 透:toru 通:toru,michi,tsu 幸:yuki,ko,sachi 之:yuki,no,shi 行:yuki,ko,gyo 雪:yuki 有:yu,ari
結:yu,yui 優:yu,masaru 悠:yu,haruka,haru 佑:yu,suke 侑:yu 桃:momo 恵:e,megumi,kei 絵:e,kai 枝:e 衣:i,e
依:i,e 以:i 唯:yui 乃:no 能:no 代:yo,dai 世:yo,se 陽:yo,haru,hi,hina 蓉:yo 要:kaname,yo 容:yo 瑞:mizu,zui
輪:wa 颯:so 蒼:so,ao 奏:so,kana 湊:minato,so 創:so,hajime 宗:so,mune 壮:so 総:so 想:so 翼:tsubasa
航:ko,wataru 渉:wataru,sho 亘:wataru 向:hina,ko,muko 菜:na 奈:na 那:na 波:nami,ha,ba 凛:rin 琳:rin
倫:rin,michi 蘭:ran 玲:rei 礼:rei 麗:rei 令:rei 怜:rei 蓮:ren 恋:ren 廉:ren 連:ren 郁:iku 育:iku 幾:iku
慎:shin 晋:shin 心:shin,kokoro 辰:shin,tatsu 紳:shin 介:suke 輔:suke 助:suke 兵:hei,hyo 衛:e,ei 右:u
左:sa 作:saku,sa 朔:saku 咲:saki,sa 沙:sa 彩:sa,aya 紗:sa 瑳:sa 冴:sae 夏:natsu,ka 冬:fuyu,to 空:sora,ku
海:umi,kai,mi 陸:riku 太:ta,tai,futo 汰:ta 朗:ro 郎:ro 路:ro,ji,michi 呂:ro 輝:ki,teru,hikaru 貴:ki,taka
希:ki,nozomi 季:ki 基:ki,moto 己:ki,mi 起:ki 毅:ki,takeshi,tsuyoshi 葵:aoi,ki 来:ki,rai 岐:gi,ki 剛:go,takeshi,tsuyoshi
健:ken,takeshi,take 賢:ken,masaru,kata 謙:ken 研:ken 拓:taku,hiraku 卓:taku 達:tatsu,ta 竜:ryu,tatsu 龍:ryu,tatsu
隆:taka,ryu 孝:taka,ko 敬:kei,takashi,taka 啓:kei,hiro 圭:kei 康:yasu,ko 靖:yasushi,yasu 泰:yasu,tai 歩:ayumi,ayumu,ho
翔:sho,kakeru,to 斗:to 功:isao,ko 勲:isao 績:isao 巧:takumi 匠:takumi,sho 工:takumi 譲:yuzuru,jo 学:manabu,gaku
茂:shige,moe 繁:shige,han 重:shige,e,ju 成:nari,sei,shige,naru 也:ya,nari 哉:ya 弥:ya,mi 彦:hiko 比:hi 姫:hime
媛:hime 舞:mai 麻:ma,asa 万:ma 茉:ma 摩:ma 磨:ma 未:mi 巳:mi 民:tami 宏:hiro 文:fumi,bun,aya 史:fumi,shi
章:fumi 芙:fu 二:ji 次:ji,tsugu 司:ji,shi,tsukasa 治:ji 慈:ji 滋:shige,shi,ji 志:shi,yuki 詩:shi 至:shi,itaru
紫:shi,murasaki 梓:azusa 茜:akane 薫:kaoru 香:ka,kaori,ko 馨:kaoru 華:ka,hana 果:ka 歌:ka,uta 可:ka
霞:kasumi,ka 楓:kaede 栞:shiori 静:shizu,sei,shizuka 瞳:hitomi 萌:moe 愛:ai,a,e,mana 藍:ai 亜:a 彩:aya
綾:aya 絢:aya,jun 杏:an,kyo 晶:aki,sho 千:chi 智:chi 稚:chi 遥:haruka 薫:kaoru 優:yu 裕:yu 祐:yu
男:o,dan 夫:o,fu 生:o 緒:o 央:o,hisashi 桜:o 雄:o 旺:o 翁:o
湯:yu 涌:waku 湧:yu,waku 桑:kuwa 浪:nami 潮:shio 汐:shio 渚:nagisa 浩:ko 琴:koto 箱:hako 函:hako
帯:obi 樽:taru 旭:asahi 札:sat,satsu 幌:poro,horo 仙:sen 台:dai,tai 札:sap 釧:kushi 苫:toma 室:muro
蘭:ran 盛:mori,sei 弘:hiro 秋:aki 酒:saka,sake 坂:saka 茨:ibara 栃:tochi 群:gun 埼:sai 潟:gata,kata
梨:nashi 阜:fu 滋:shi 兵:hyo 庫:go,ko 媛:hime 沖:oki 縄:nawa 覇:ha 徳:toku 鳥:to 取:tori,dori
軽:karu 琵:bi 琶:wa 尼:ama,ni 堺:sakai 姫:hime 鎌:kama 銚:cho 袖:sode 浦:ura 鶏:tori 狛:koma
座:za 銀:gin 草:kusa 甲:ko,ka,kabu 園:en 新:shin 宿:juku,shuku,yado 渋:shibu 品:shina 葛:katsu
練:neri 馬:ma 黒:guro 世:se 谷:ya,gaya 目:me 黒:kuro 杉:sugi 並:nami 豊:toshima 島:shima
墨:sumi 足:ashi,adachi 立:dachi 荒:ara 板:ita 橋:bashi 練:neri 江:e 戸:do 川:gawa
畿:ki 陸:riku 関:kan 部:bu 州:shu 国:koku 阪:han 神:shin 京:kyo,kei,gyo 古:ko,go,furu 屋:ya
聞:bun,mon 学:gaku 院:in 大:dai 社:sha 会:kai 協:kyo 党:to 組:gumi,kumi 店:ten 堂:do 寺:ji 殿:den,dono
郎:ro 衛:e 門:mon 兵:be 丞:jo 蔵:zo 之:no 輔:suke 左:za 右:e
源:gen,minamoto 地:chi,ji 唐:kara,to 喬:taka,kyo 栖:su,zu 益:masu,eki 炭:tan,sumi 嶺:mine,rei 荷:ni,ka 鋳:chu,i
銭:sen,zeni 恒:tsune,ko 周:shu,chika 領:ryo 勢:se,sei 居:i,kyo,oru 芦:ashi 葦:ashi 蘆:ashi 蓬:yomogi 薮:yabu
藪:yabu 柿:kaki,gaki 椿:tsubaki 桧:hinoki 楢:nara 檀:dan 樺:kaba 李:ri 榊:sakaki 枡:masu 升:masu 舛:masu 場:ba,jo
淵:fuchi,buchi 渕:fuchi,buchi 溝:mizo 堤:tsutsumi 岬:misaki 峠:toge 駅:eki 郡:gun,gori 庄:sho 荘:so,sho 条:jo
丁:cho 番:ban 境:sakai 界:kai 布:fu,nuno 麻:asa 宗:mune 伝:den 忠:tada,chu 孫:mago 杉:sugi 玄:gen 吾:go
悦:etsu 恩:on 斐:hi 甲:kai 斐:i 陣:jin 陽:yo 鎮:chin 稜:ryo 鈴:suzu 紘:hiro 皓:hiro,ko 昂:ko,taka 耕:ko
晴:haru 暁:akatsuki,gyo 駿:shun,hayao 隼:hayato,jun,shun 凌:ryo 凱:gai 岳:gaku 琢:taku 拓:taku 宙:chu,sora
遊:yu 勉:tsutomu,ben 努:tsutomu 力:chikara,riki 望:nozomu 希:nozomi 光:mitsu 尊:takeru,son 猛:takeshi
豪:go,takeshi 雷:rai 嵩:taka,su 崇:taka,su 貞:sada,tei 定:sada,jo 節:setsu 敷:shiki 織:ori 紡:tsumugi
彌:ya 兼:kane,ken 謹:kin 勤:kin,isao 欣:kin,yoshi 錦:nishiki,kin 昇:nobori,sho 登:nobori,to 升:sho
栄:sakae 秦:hata 畿:ki 乙:oto 音:oto,on,ne 響:hibiki,kyo 詠:ei 瑛:ei 叡:ei 鋭:ei 映:ei 恵:ke 啓:kei
畔:hotori 巌:iwao 巖:iwao 厳:gen 研:ken 鶯:uguisu 燕:tsubame 雀:suzume 蝶:cho 鯉:koi 鮎:ayu 鯛:tai
墨:sumi 硯:suzuri 筆:fude 紙:kami 絹:kinu 綿:wata 糸:ito 縁:en,yukari 紅:beni,ko 茶:cha 桑:so
藩:han 幕:baku,maku 府:fu 殿:dono 将:sho 軍:gun 侍:samurai 忍:shinobu,nin 刀:to,katana 剣:ken,tsurugi
義:yoshi 経:tsune,kei 頼:yori,rai 朝:tomo 家:ie 康:yasu 秀:hide 吉:yoshi 信:nobu 長:naga 政:masa 宗:mune
追:oi,tsui 厩:maya,umaya 外:to,soto,ge,gai 鱗:uroko 置:oki 賜:tama,shi 温:on,atsu 報:ho 棋:gi,ki 産:san,ubu
乗:jo,nori 表:omote,hyo 参:san,mairi 業:gyo,gyo 超:cho 人:jin,to,hito,nin 隊:tai 呂:ro 波:ha 治:ji 楽:raku,gaku
天:ten,ama 電:den 工:ko 日:nichi 本:pon 朝:cho 読:yomi 売:uri 毎:mai 経:kei 済:zai 放:ho 送:so 局:kyoku
球:kyu 団:dan 選:sen 手:shu,te 軍:gun 急:kyu 鉄:tetsu 道:do 線:sen 駅:eki 空:ku 港:ko 寺:ji 院:in 城:jo
公:ko 園:en 湖:ko 温:on 泉:sen 祭:matsuri,sai 宮:gu 殿:den 塔:to 橋:kyo 峡:kyo 湾:wan 岬:misaki 灘:nada
輝:teru 照:teru,sho 晃:teru 皇:o 王:o 后:go 妃:hi 姫:hime 宮:miya 親:chika,shin 寛:kan
"""

_KANA_IN_NAMES = {"ケ": ("ke", "ga"), "ヶ": ("ke", "ga"), "ッ": ("",), "っ": ("",), "ー": ("",)}
_GEMINATING = ("ku", "ki", "tsu", "chi")  # a syllable that may end in a doubled consonant instead (hoku: Hokkaido)
_LONG_VOWEL = re.compile(r"(?<=o)[uoh]|(?<=u)u")  # the letters a long vowel may be written with
_NASAL = re.compile(r"n$")


@functools.cache
def name_readings() -> dict[str, tuple[str, ...]]:
    """Character -> its readings in names (the table above, each reading once)."""
    table: dict[str, list[str]] = {}
    for entry in _TABLE.split():
        char, readings = entry.split(":")
        known = table.setdefault(char, [])
        for reading in readings.split(","):
            if reading not in known:
                known.append(reading)
    return {char: tuple(readings) for char, readings in table.items()}


def _readings_at(text: str, offset: int) -> tuple[str, ...]:
    """The readings of the character at `offset` in a name: the table's; for 々, those of the
    character before it; for kana, its sound (the long-vowel mark and small tsu none)."""
    char = text[offset]
    table = name_readings()
    if char in table:
        return table[char]
    if char in ("々", "〆") and offset > 0:
        return table.get(text[offset - 1], ())
    if char in _KANA_IN_NAMES:
        return _KANA_IN_NAMES[char]
    if _kana(char):
        sound = romanize_kana(char)
        return (sound,) if sound else ()
    return ()


def spells_name(word: str, text: str, start: int, end: int) -> bool:
    """Do characters of text[start:end], one after another from a kanji or the first of a run of kana
    on, spell the romanized name `word` (letters a to z, lower case) by the table (みな実: Minami)?"""
    if len(word) < 2:
        return False
    table = name_readings()
    for offset in range(start, end):
        char = text[offset]
        opens = char in table or (_kana(char) and not (offset > start and _kana(text[offset - 1])))
        if opens and _spells(word, 0, text, offset, end, {}):
            return True
    return False


def _kana(char: str) -> bool:
    return "\u3041" <= char <= "\u30fa"


def _spells(word: str, at: int, text: str, offset: int, end: int, seen: dict[tuple[int, int], bool]) -> bool:
    if at == len(word):
        return True
    if offset >= end:
        return False
    state = (at, offset)
    if state in seen:
        return seen[state]
    seen[state] = False
    found = False
    letter = word[at]
    for reading in _readings_at(text, offset):
        if reading and reading[0] != letter:
            continue  # every spelling of a reading opens on its first letter
        for spelling in _spellings(reading, word, at):
            after = at + len(spelling)
            if word.startswith(spelling, at) and _spelled_on(word, after, text, offset, end, seen):
                found = True
                break
        if found:
            break
    seen[state] = found
    return found


def _spellings(reading: str, word: str, at: int) -> list[str]:
    """How one reading may be written at word[at:]: as it is, with n as m before b, p or m, or with a
    doubled consonant for a final ku, ki, tsu or chi (hoku: "hok" in "hokkaido")."""
    out = [reading]
    if _NASAL.search(reading):
        out.append(reading[:-1] + "m")
    for ending in _GEMINATING:
        if reading.endswith(ending) and len(reading) > len(ending):
            stem = reading[: -len(ending)]
            following = at + len(stem)
            if following + 1 < len(word) and word[following] == word[following + 1] and word[following] not in "aeiou":
                out.append(stem + word[following])
    return out


def _spelled_on(word: str, at: int, text: str, offset: int, end: int, seen: dict[tuple[int, int], bool]) -> bool:
    """The rest of the word from `at`, after the character at `offset`: the end, or the next character,
    with a long vowel's extra letter (Satou, Ohno, Oono) or an unwritten "no" between two characters
    (井上: Inoue; 木下: Kinoshita) skipped or not."""
    if at == len(word):
        return True
    if _spells(word, at, text, offset + 1, end, seen):
        return True
    if word.startswith("no", at) and at + 2 < len(word) and _spells(word, at + 2, text, offset + 1, end, seen):
        return True
    extra = _LONG_VOWEL.match(word, at) if at > 0 else None
    if extra is not None and not (word[at] == "h" and at + 1 < len(word) and word[at + 1] in "aeiouy"):
        return at + 1 == len(word) or _spells(word, at + 1, text, offset + 1, end, seen)
    return False


__all__ = ["name_readings", "romanize_kana", "spells_name"]
