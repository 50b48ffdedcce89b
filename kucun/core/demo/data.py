"""The demo's tables: brands, categories, kinds of goods, colours and campaigns.

Everything is invented (no real trademarks); titles are composed from the parts below with a
seeded random generator, so the demo is the same on every machine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

DEMO_PASSWORD = "kucun2026"
OPERATOR_USERNAME = "ops"
BRAND_USERNAME = "brand"
RESELLER_PHONE = "13800000000"
RESELLER_SHOP_CODE = "xm8888"

CLOUD_CODE = "CLOUD"
CLOUD_NAME = "云仓·嘉兴"
CLOUD_ADDRESS = "浙江省嘉兴市南湖区大桥镇智慧物流园 8 号库"

# Every demo stock receipt carries a reference with this prefix (the stock step's marker).
STOCK_REFERENCE_PREFIX = "DEMO-"

# (name, English name, children); leaves are where products go.
CATEGORY_TREE: tuple = (
    (
        "服装",
        "Apparel",
        (
            (
                "女装",
                "Women",
                (
                    ("连衣裙", "Dresses"),
                    ("衬衫", "Shirts"),
                    ("针织衫", "Knitwear"),
                    ("半身裙", "Skirts"),
                ),
            ),
            (
                "男装",
                "Men",
                (
                    ("T恤", "T-shirts"),
                    ("衬衫", "Shirts"),
                    ("夹克", "Jackets"),
                    ("休闲裤", "Trousers"),
                ),
            ),
            ("运动户外", "Outdoor", (("冲锋衣", "Shell jackets"), ("速干衣", "Quick-dry tops"))),
        ),
    ),
    (
        "鞋靴",
        "Shoes",
        (
            ("运动鞋", "Sneakers", ()),
            ("休闲鞋", "Casual shoes", ()),
            ("女士单鞋", "Women's flats", ()),
        ),
    ),
    (
        "美妆",
        "Beauty",
        (("护肤", "Skincare", ()), ("彩妆", "Make-up", ()), ("洗护", "Body and hair care", ())),
    ),
    ("食品", "Food", (("零食", "Snacks", ()), ("茶饮", "Tea", ()), ("粮油调味", "Staples", ()))),
    ("家居", "Home", (("床品", "Bedding", ()), ("收纳", "Storage", ()), ("厨具", "Cookware", ()))),
)

# name -> (code, RGB)
COLOURS: Mapping[str, tuple[str, tuple[int, int, int]]] = {
    "白色": ("WH", (246, 244, 238)),
    "米白": ("IV", (238, 230, 212)),
    "黑色": ("BK", (38, 38, 42)),
    "藏青": ("NV", (36, 52, 92)),
    "雾霾蓝": ("HB", (130, 156, 180)),
    "天蓝": ("SB", (120, 178, 222)),
    "燕麦色": ("OT", (214, 196, 168)),
    "卡其": ("KH", (176, 150, 104)),
    "焦糖": ("CM", (176, 106, 52)),
    "奶咖": ("MC", (190, 160, 134)),
    "杏色": ("AP", (236, 200, 160)),
    "酒红": ("WR", (128, 30, 48)),
    "豆沙粉": ("DP", (204, 142, 140)),
    "樱花粉": ("PK", (242, 178, 190)),
    "牛油果绿": ("AG", (170, 190, 110)),
    "墨绿": ("DG", (40, 84, 62)),
    "灰色": ("GY", (150, 150, 152)),
    "浅灰": ("LG", (206, 206, 204)),
    "雾紫": ("PU", (170, 150, 190)),
    "姜黄": ("YL", (214, 168, 56)),
    "橙色": ("OR", (236, 122, 46)),
    "荧光绿": ("NG", (150, 220, 60)),
    # shades (色号) for make-up
    "#01 豆沙": ("01", (180, 96, 96)),
    "#02 番茄红": ("02", (206, 52, 40)),
    "#03 枫叶棕": ("03", (150, 66, 40)),
    "#05 奶茶": ("05", (196, 132, 112)),
    "#07 正红": ("07", (196, 20, 36)),
    "#08 玫瑰": ("08", (196, 72, 110)),
    "象牙白": ("10", (242, 222, 200)),
    "自然色": ("20", (226, 192, 160)),
    "小麦色": ("30", (200, 156, 116)),
    "大地色": ("E1", (160, 112, 80)),
    "蜜桃粉": ("E2", (238, 150, 140)),
    "烟熏灰": ("E3", (96, 90, 96)),
}


@dataclass(frozen=True)
class Spec:
    """One value of the size/spec axis; ``factor`` is its price in percent of the base price."""

    label: str
    code: str
    factor: int = 100
    weight: int = 100  # share of stock, in percent of the product's base quantity


def _sizes(*labels: str, weights: tuple[int, ...]) -> tuple[Spec, ...]:
    return tuple(Spec(label, label, 100, w) for label, w in zip(labels, weights, strict=True))


WOMEN_SIZES = _sizes("S", "M", "L", "XL", weights=(70, 100, 90, 50))
MEN_SIZES = _sizes("M", "L", "XL", "XXL", weights=(70, 100, 90, 50))
OUTDOOR_SIZES = _sizes("S", "M", "L", "XL", "XXL", weights=(40, 80, 100, 80, 40))
SHOE_SIZES = _sizes("36", "37", "38", "39", "40", "41", weights=(50, 90, 100, 90, 70, 50))
BED_SIZES = (
    Spec("1.5m床", "150", 100, 90),
    Spec("1.8m床", "180", 118, 100),
    Spec("2.0m床", "200", 132, 40),
)


@dataclass(frozen=True)
class Noun:
    """The last word of a title (连衣裙, 面霜); may override the kind's shape, specs or attributes."""

    text: str
    shape: str | None = None
    specs: tuple[Spec, ...] | None = None
    attrs: Mapping[str, str] = field(default_factory=dict)
    parts: tuple[tuple[str, ...], ...] | None = None  # its own title words (茶, 零食)


def _nouns(*texts: str, shape: str | None = None) -> tuple[Noun, ...]:
    return tuple(Noun(text, shape) for text in texts)


@dataclass(frozen=True)
class Kind:
    """A kind of goods in one leaf category, and how to make up plausible products of it."""

    category: tuple[str, ...]
    parts: tuple[tuple[str, ...], ...]
    nouns: tuple[Noun, ...]
    shape: str
    prices: tuple[int, ...]  # base tag prices in yuan
    colours: tuple[str, ...] = ()
    colours_per_product: tuple[int, int] = (1, 1)
    specs: tuple[Spec, ...] = ()
    specs_per_product: tuple[int, int] | None = None  # None: every spec
    material_part: int | None = None  # which part names the material (see MATERIALS)
    material_attr: str = "面料"
    attrs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    leads: tuple[str, ...] = ()
    points: tuple[str, ...] = ()
    stock: tuple[int, int] = (40, 160)  # base units per SKU


MATERIALS: Mapping[str, str] = {
    "雪纺": "聚酯纤维 100%",
    "真丝": "桑蚕丝 92% 氨纶 8%",
    "棉麻": "棉 55% 亚麻 45%",
    "醋酸": "醋酸纤维 72% 聚酯纤维 28%",
    "针织": "粘纤 65% 锦纶 35%",
    "天丝": "莱赛尔纤维 100%",
    "纯棉": "棉 100%",
    "亚麻": "亚麻 100%",
    "羊毛": "绵羊毛 100%",
    "羊绒混纺": "山羊绒 30% 绵羊毛 70%",
    "棉线": "棉 100%",
    "马海毛": "马海毛 42% 锦纶 35% 羊毛 23%",
    "精梳棉": "精梳棉 100%",
    "冰丝": "粘纤 70% 聚酯纤维 30%",
    "华夫格": "棉 95% 氨纶 5%",
    "牛津纺": "棉 100%",
    "灯芯绒": "棉 98% 氨纶 2%",
    "长绒棉": "新疆长绒棉 100%",
    "帆布": "帆布",
    "真皮": "头层牛皮",
    "麂皮": "反绒牛皮",
    "德训": "头层牛皮",
    "网面": "网布",
    "飞织": "针织飞织面",
    "碳板": "网布 + 碳纤维板",
    "皮面": "超纤皮",
}

APPAREL_POINTS = (
    "立体剪裁，修饰身形不挑人",
    "面料亲肤透气，久穿不闷",
    "精细走线，领口袖口不易变形",
    "机洗不易起球，打理省心",
    "经典百搭，通勤约会都合适",
    "多次水洗测试，不掉色不缩水",
    "细节做工对标专柜品质",
)

KINDS: Mapping[str, Kind] = {
    "dress": Kind(
        category=("服装", "女装", "连衣裙"),
        parts=(
            ("法式", "复古", "温柔风", "度假风", "简约", "小众设计感"),
            ("碎花", "波点", "格纹", "纯色", "条纹", "提花"),
            ("雪纺", "真丝", "棉麻", "醋酸", "针织"),
        ),
        nouns=_nouns("连衣裙", "长裙", "茶歇裙", "衬衫裙"),
        shape="dress",
        prices=(299, 359, 399, 459, 529, 599, 699),
        colours=("白色", "米白", "雾霾蓝", "樱花粉", "牛油果绿", "黑色", "杏色", "酒红"),
        colours_per_product=(2, 4),
        specs=WOMEN_SIZES,
        material_part=2,
        attrs={
            "版型": ("收腰", "A字", "宽松", "修身"),
            "季节": ("夏季", "春夏", "四季"),
            "产地": ("浙江杭州", "广东广州", "浙江湖州"),
        },
        leads=(
            "一条裙子搞定一整天的穿搭。",
            "温柔又有气场，随手一穿就很出片。",
            "轻盈垂坠，走路带风。",
        ),
        points=APPAREL_POINTS + ("腰线上提，显高显瘦", "内衬不透，单穿无压力"),
    ),
    "blouse": Kind(
        category=("服装", "女装", "衬衫"),
        parts=(
            ("通勤", "法式", "复古", "慵懒风"),
            ("纯色", "条纹", "刺绣"),
            ("真丝", "天丝", "纯棉", "亚麻"),
        ),
        nouns=_nouns("衬衫", "长袖衬衫", "娃娃领衬衫"),
        shape="shirt",
        prices=(199, 259, 299, 359, 429),
        colours=("白色", "米白", "天蓝", "燕麦色", "黑色"),
        colours_per_product=(2, 3),
        specs=WOMEN_SIZES,
        material_part=2,
        attrs={
            "版型": ("宽松", "常规"),
            "领型": ("翻领", "小立领", "V领"),
            "产地": ("江苏苏州", "浙江杭州"),
        },
        leads=("通勤的底气，一件就够。", "光泽柔和，塞进裙子或裤子都好看。"),
        points=APPAREL_POINTS,
    ),
    "knit": Kind(
        category=("服装", "女装", "针织衫"),
        parts=(
            ("慵懒风", "温柔", "简约", "复古"),
            ("纯色", "撞色", "麻花", "提花"),
            ("羊毛", "羊绒混纺", "棉线", "马海毛"),
        ),
        nouns=_nouns("针织开衫", "套头毛衣", "针织背心", shape="knit"),
        shape="knit",
        prices=(259, 329, 399, 499, 599),
        colours=("燕麦色", "米白", "奶咖", "雾紫", "墨绿", "浅灰"),
        colours_per_product=(2, 4),
        specs=WOMEN_SIZES,
        material_part=2,
        attrs={
            "厚薄": ("常规", "薄款", "加厚"),
            "季节": ("秋冬", "春秋"),
            "产地": ("内蒙古鄂尔多斯", "浙江桐乡"),
        },
        leads=("软糯不扎，贴身穿也舒服。", "换季必备的温柔单品。"),
        points=APPAREL_POINTS + ("毛感蓬松，保暖不臃肿",),
    ),
    "skirt": Kind(
        category=("服装", "女装", "半身裙"),
        parts=(("高腰", "显瘦", "法式", "通勤"), ("百褶", "A字", "鱼尾", "开叉")),
        nouns=_nouns("半身裙", "长裙", "短裙"),
        shape="skirt",
        prices=(199, 239, 299, 369),
        colours=("黑色", "卡其", "米白", "藏青", "豆沙粉"),
        colours_per_product=(2, 3),
        specs=WOMEN_SIZES,
        attrs={
            "面料": ("醋酸纤维 72% 聚酯纤维 28%", "聚酯纤维 100%", "羊毛 50% 聚酯纤维 50%"),
            "裙长": ("中长款", "长款", "短款"),
        },
        leads=("一条好裙子，上衣随便搭。",),
        points=APPAREL_POINTS,
    ),
    "tee": Kind(
        category=("服装", "男装", "T恤"),
        parts=(("重磅", "美式", "简约", "日系", "宽松"), ("纯棉", "精梳棉", "冰丝", "华夫格")),
        nouns=_nouns("圆领T恤", "短袖T恤", "印花T恤", "POLO衫"),
        shape="tshirt",
        prices=(99, 129, 159, 199, 239),
        colours=("白色", "黑色", "灰色", "藏青", "墨绿", "卡其"),
        colours_per_product=(2, 4),
        specs=MEN_SIZES,
        material_part=1,
        attrs={
            "克重": ("180g", "220g", "260g"),
            "版型": ("宽松", "常规"),
            "产地": ("广东佛山", "江苏南通"),
        },
        leads=("基础款也要有讲究。", "一周七天换着穿。"),
        points=APPAREL_POINTS + ("领口双层罗纹，洗多少次都挺括",),
        stock=(60, 200),
    ),
    "shirt": Kind(
        category=("服装", "男装", "衬衫"),
        parts=(("商务", "休闲", "日系", "免烫"), ("纯棉", "牛津纺", "亚麻", "灯芯绒")),
        nouns=_nouns("长袖衬衫", "短袖衬衫", "工装衬衫"),
        shape="shirt",
        prices=(199, 249, 299, 359),
        colours=("白色", "天蓝", "浅灰", "卡其", "藏青"),
        colours_per_product=(2, 3),
        specs=MEN_SIZES,
        material_part=1,
        attrs={"领型": ("标准领", "扣领", "立领"), "产地": ("浙江宁波", "江苏常熟")},
        leads=("上班见客户、周末出门都不出错。",),
        points=APPAREL_POINTS,
    ),
    "jacket": Kind(
        category=("服装", "男装", "夹克"),
        parts=(("春秋", "美式复古", "都市", "轻薄"), ("工装", "飞行员", "棒球", "立领")),
        nouns=_nouns("夹克", "外套"),
        shape="jacket",
        prices=(399, 499, 599, 699, 799),
        colours=("黑色", "卡其", "墨绿", "藏青", "焦糖"),
        colours_per_product=(2, 3),
        specs=MEN_SIZES,
        attrs={
            "面料": ("棉 100%", "聚酯纤维 65% 棉 35%", "锦纶 100%"),
            "厚薄": ("常规", "薄款"),
            "产地": ("福建石狮", "浙江宁波"),
        },
        leads=("一件外套，撑起一个季节。",),
        points=APPAREL_POINTS + ("多口袋设计，手机钥匙随手放",),
        stock=(30, 120),
    ),
    "trousers": Kind(
        category=("服装", "男装", "休闲裤"),
        parts=(("垂感", "弹力", "宽松", "九分"), ("直筒", "锥形", "束脚", "阔腿")),
        nouns=_nouns("休闲裤", "西裤", "工装裤"),
        shape="pants",
        prices=(199, 259, 299, 349),
        colours=("黑色", "卡其", "灰色", "藏青"),
        colours_per_product=(2, 3),
        specs=MEN_SIZES,
        attrs={
            "面料": ("聚酯纤维 78% 粘纤 18% 氨纶 4%", "棉 97% 氨纶 3%"),
            "裤长": ("长裤", "九分裤"),
            "产地": ("广东中山", "江苏常州"),
        },
        leads=("坐一天也不起皱。",),
        points=APPAREL_POINTS + ("腰头内置防滑条，衬衫不外跑",),
    ),
    "shell": Kind(
        category=("服装", "运动户外", "冲锋衣"),
        parts=(("三合一", "轻量", "防风防水", "城市户外"), ("硬壳", "软壳", "抓绒内胆")),
        nouns=_nouns("冲锋衣", "户外外套"),
        shape="jacket",
        prices=(499, 599, 799, 899, 1099),
        colours=("黑色", "墨绿", "橙色", "藏青", "雾霾蓝"),
        colours_per_product=(2, 3),
        specs=OUTDOOR_SIZES,
        attrs={
            "防水指数": ("5000mm", "10000mm", "20000mm"),
            "透湿指数": ("5000g/m²/24h", "10000g/m²/24h"),
            "产地": ("福建晋江", "江苏苏州"),
        },
        leads=("风雨天出门的安全感。", "通勤和徒步一件搞定。"),
        points=(
            "压胶防水拉链，雨水进不来",
            "腋下透气拉链，爬山不闷汗",
            "可拆卸帽檐，城市户外两用",
            "面料轻量可收纳进口袋",
            "袖口魔术贴，防风收紧",
        ),
        stock=(30, 120),
    ),
    "quickdry": Kind(
        category=("服装", "运动户外", "速干衣"),
        parts=(("轻薄", "透气", "凉感", "户外"), ("速干", "防晒", "吸湿排汗")),
        nouns=_nouns("T恤", "长袖上衣", "运动背心", shape="tshirt"),
        shape="tshirt",
        prices=(129, 159, 199, 239),
        colours=("黑色", "天蓝", "荧光绿", "灰色", "橙色"),
        colours_per_product=(2, 4),
        specs=OUTDOOR_SIZES,
        attrs={
            "面料": ("聚酯纤维 88% 氨纶 12%", "锦纶 85% 氨纶 15%"),
            "防晒指数": ("UPF50+", "UPF40+"),
            "产地": ("福建晋江",),
        },
        leads=("出汗也干爽。",),
        points=(
            "30 分钟速干，跑完不贴身",
            "UPF50+ 防晒面料",
            "平缝拼接，长时间运动不磨皮肤",
            "反光标识，夜跑更安全",
        ),
        stock=(60, 200),
    ),
    "sneaker": Kind(
        category=("鞋靴", "运动鞋"),
        parts=(("轻量", "缓震", "透气", "复古", "百搭"), ("网面", "飞织", "碳板", "皮面")),
        nouns=(
            *_nouns("跑步鞋", "运动鞋", "训练鞋"),
            Noun("板鞋", parts=(("复古", "百搭", "经典"), ("皮面", "网面"))),
        ),
        shape="shoe",
        prices=(299, 369, 429, 499, 599, 699),
        colours=("白色", "黑色", "浅灰", "雾霾蓝", "荧光绿", "米白"),
        colours_per_product=(2, 3),
        specs=SHOE_SIZES,
        material_part=1,
        material_attr="鞋面材质",
        attrs={
            "鞋底材质": ("EVA", "橡胶", "超临界发泡"),
            "闭合方式": ("系带",),
            "产地": ("福建晋江", "福建莆田"),
        },
        leads=("脚感像踩在云上。", "每天一万步的好搭档。"),
        points=(
            "超临界发泡中底，回弹有力",
            "一体飞织鞋面，轻透不闷脚",
            "防滑耐磨大底，雨天也稳",
            "宽楦设计，亚洲脚型更舒适",
            "后跟 TPU 稳定片，跑步不崴脚",
        ),
        stock=(20, 80),
    ),
    "casual_shoe": Kind(
        category=("鞋靴", "休闲鞋"),
        parts=(("百搭", "软底", "一脚蹬", "复古"), ("帆布", "真皮", "麂皮", "德训")),
        nouns=_nouns("休闲鞋", "小白鞋", "乐福鞋"),
        shape="shoe",
        prices=(259, 299, 359, 429, 499),
        colours=("白色", "米白", "黑色", "焦糖", "卡其"),
        colours_per_product=(2, 3),
        specs=SHOE_SIZES,
        material_part=1,
        material_attr="鞋面材质",
        attrs={"产地": ("广东东莞", "浙江温州")},
        leads=("一双鞋配一衣柜的衣服。",),
        points=(
            "软底不磨脚，新鞋上脚不用磨合",
            "鞋垫可拆洗",
            "鞋头加固，不易变形",
            "轻便好走，通勤逛街都舒服",
        ),
        stock=(20, 80),
    ),
    "flat": Kind(
        category=("鞋靴", "女士单鞋"),
        parts=(("法式", "温柔", "通勤", "复古"), ("方头", "尖头", "玛丽珍", "绑带")),
        nouns=_nouns("单鞋", "平底鞋", "中跟鞋", "芭蕾舞鞋"),
        shape="flat",
        prices=(259, 299, 359, 429),
        colours=("黑色", "米白", "杏色", "酒红", "豆沙粉"),
        colours_per_product=(2, 3),
        specs=SHOE_SIZES,
        attrs={
            "鞋面材质": ("羊皮", "漆皮", "超纤皮"),
            "跟高": ("平跟(≤1cm)", "低跟(1-3cm)", "中跟(3-5cm)"),
            "产地": ("广东广州", "四川成都"),
        },
        leads=("走一天也不累脚的温柔单鞋。",),
        points=(
            "乳胶鞋垫，久站不累",
            "后跟防磨贴，不挤脚",
            "羊皮内里，柔软透气",
            "防滑橡胶底，安静不哒哒响",
        ),
        stock=(15, 60),
    ),
    "serum": Kind(
        category=("美妆", "护肤"),
        parts=(
            ("水光", "修护", "保湿", "焕亮", "舒缓", "紧致"),
            ("玻尿酸", "烟酰胺", "神经酰胺", "积雪草", "胜肽", "维C"),
        ),
        nouns=(
            Noun(
                "精华液",
                "bottle",
                (
                    Spec("30ml", "30ML", 100),
                    Spec("50ml", "50ML", 150),
                    Spec("100ml", "100ML", 260, 60),
                ),
            ),
            Noun("面霜", "jar", (Spec("30g", "30G", 100), Spec("50g", "50G", 150))),
            Noun("爽肤水", "bottle", (Spec("150ml", "150ML", 100), Spec("300ml", "300ML", 170))),
            Noun("乳液", "bottle", (Spec("100ml", "100ML", 100), Spec("200ml", "200ML", 170))),
            Noun("面膜", "pouch", (Spec("5片装", "5P", 100), Spec("10片装", "10P", 180))),
            Noun("眼霜", "jar", (Spec("15g", "15G", 100), Spec("30g", "30G", 170))),
        ),
        shape="bottle",
        prices=(129, 169, 199, 259, 299, 369),
        specs_per_product=(1, 2),
        attrs={
            "适用肤质": ("任何肤质", "干性及混合性肌肤", "敏感肌", "油性肌肤"),
            "保质期": ("3年", "2年"),
            "产地": ("上海", "广东广州", "江苏苏州"),
        },
        leads=("给皮肤喝饱水。", "换季不慌，稳稳的。", "早晚都能用的温和配方。"),
        points=(
            "经第三方皮肤刺激性测试",
            "无香精无酒精，敏感肌可用",
            "质地清爽好吸收，不搓泥",
            "7 天见效，28 天稳定",
            "独立封装，开封即新鲜",
        ),
        stock=(80, 300),
    ),
    "body_care": Kind(
        category=("美妆", "洗护"),
        parts=(),
        nouns=(
            Noun("沐浴露", parts=(("氨基酸", "香氛", "滋润"),)),
            Noun("洗发水", parts=(("氨基酸", "控油", "去屑"),)),
            Noun("护发素", parts=(("柔顺", "修护", "香氛"),)),
            Noun("身体乳", parts=(("滋润", "香氛", "烟酰胺"),)),
        ),
        shape="bottle",
        prices=(59, 69, 89, 99),
        specs=(Spec("400ml", "400ML", 100), Spec("750ml", "750ML", 160)),
        attrs={
            "香调": ("白茶", "小苍兰", "雪松", "柑橘"),
            "保质期": ("3年",),
            "产地": ("广东广州", "上海"),
        },
        leads=("浴室里的小确幸。",),
        points=(
            "氨基酸表活，温和不紧绷",
            "持久留香 8 小时",
            "大容量家庭装更划算",
            "按压泵头，单手就能用",
        ),
        stock=(80, 300),
    ),
    "lip": Kind(
        category=("美妆", "彩妆"),
        parts=(("丝绒", "水润", "哑光", "柔焦", "持妆"), ("雾面", "镜面", "奶油")),
        nouns=_nouns("口红", "唇釉", shape="lipstick"),
        shape="lipstick",
        prices=(89, 109, 129, 149),
        colours=("#01 豆沙", "#02 番茄红", "#03 枫叶棕", "#05 奶茶", "#07 正红", "#08 玫瑰"),
        colours_per_product=(3, 5),
        specs=(Spec("3.5g", "35G", 100),),
        attrs={"保质期": ("3年",), "产地": ("上海", "浙江湖州")},
        leads=("薄涂日常，厚涂气场。",),
        points=("一抹显色，不挑皮", "不拔干不卡纹", "持妆 6 小时不掉色", "磁吸管身，开合有手感"),
        stock=(60, 200),
    ),
    "base": Kind(
        category=("美妆", "彩妆"),
        parts=(("持妆", "轻薄", "水光", "柔雾"), ("奶油肌", "养肤", "控油")),
        nouns=_nouns("粉底液", "气垫", shape="bottle"),
        shape="bottle",
        prices=(159, 199, 239, 269),
        colours=("象牙白", "自然色", "小麦色"),
        colours_per_product=(2, 3),
        specs=(Spec("30ml", "30ML", 100),),
        attrs={"遮瑕度": ("中度遮瑕", "轻薄遮瑕"), "保质期": ("3年",), "产地": ("上海",)},
        leads=("像没化妆一样的好皮肤。",),
        points=(
            "SPF30 PA+++ 日常防晒",
            "持妆 12 小时不暗沉",
            "含养肤精华，卸妆后不紧绷",
            "三个色号，覆盖大多数肤色",
        ),
        stock=(60, 200),
    ),
    "palette": Kind(
        category=("美妆", "彩妆"),
        parts=(("日常", "温柔", "氛围感"), ("大地色", "珠光", "哑光")),
        nouns=_nouns("眼影盘", "腮红", shape="palette"),
        shape="palette",
        prices=(99, 129, 169, 199),
        colours=("大地色", "蜜桃粉", "烟熏灰"),
        colours_per_product=(2, 3),
        specs=(Spec("9色", "9C", 100),),
        attrs={"保质期": ("3年",), "产地": ("浙江湖州", "广东汕头")},
        leads=("新手也能画出好气色。",),
        points=(
            "粉质细腻不飞粉",
            "显色度高，一刷上色",
            "配色实用，日常通勤都能用",
            "镜面盒盖，出门补妆方便",
        ),
        stock=(50, 180),
    ),
    "snack": Kind(
        category=("食品", "零食"),
        parts=(),
        nouns=(
            Noun(
                "每日坚果", "pouch", attrs={"产地": "山东临沂"}, parts=(("混合", "什锦", "轻烘焙"),)
            ),
            Noun(
                "手撕牛肉干",
                "pouch",
                attrs={"产地": "内蒙古锡林郭勒"},
                parts=(("香辣", "五香", "原味", "孜然"),),
            ),
            Noun(
                "芒果干", "pouch", attrs={"产地": "广西百色"}, parts=(("原切", "软糯", "无添加"),)
            ),
            Noun("巴旦木", "jar", attrs={"产地": "新疆喀什"}, parts=(("奶油味", "盐焗", "原味"),)),
            Noun(
                "夏威夷果", "jar", attrs={"产地": "云南临沧"}, parts=(("奶油味", "海盐", "原味"),)
            ),
            Noun("猪肉脯", "pouch", attrs={"产地": "福建莆田"}, parts=(("蜜汁", "炭烧", "黑椒"),)),
            Noun("海苔脆", "pouch", attrs={"产地": "福建泉州"}, parts=(("海盐", "芝士", "原味"),)),
            Noun("碧根果", "jar", attrs={"产地": "安徽宁国"}, parts=(("奶油味", "椒盐", "原味"),)),
        ),
        shape="pouch",
        prices=(29, 39, 49, 59, 69),
        specs=(
            Spec("250g", "250G", 100),
            Spec("500g", "500G", 180),
            Spec("1kg家庭装", "1KG", 330, 50),
        ),
        specs_per_product=(1, 3),
        attrs={
            "保质期": ("180天", "270天", "12个月"),
            "储存方式": ("阴凉干燥处保存，开袋后尽快食用",),
        },
        leads=("追剧加班的快乐源泉。", "办公室抽屉里的常备小食。"),
        points=(
            "当季原料，新鲜现做",
            "独立小包装，干净卫生",
            "不额外添加防腐剂",
            "一袋一口，控量不长胖",
            "SC 认证工厂生产",
        ),
        stock=(100, 400),
    ),
    "tea": Kind(
        category=("食品", "茶饮"),
        parts=(),
        nouns=(
            Noun(
                "龙井绿茶",
                attrs={"产地": "浙江杭州", "茶类": "绿茶"},
                parts=(("明前", "雨前", "头采"),),
            ),
            Noun("碧螺春", attrs={"产地": "江苏苏州", "茶类": "绿茶"}, parts=(("明前", "洞庭"),)),
            Noun(
                "普洱熟茶",
                attrs={"产地": "云南普洱", "茶类": "黑茶"},
                parts=(("古树", "宫廷", "七年陈"),),
            ),
            Noun(
                "白牡丹白茶", attrs={"产地": "福建福鼎", "茶类": "白茶"}, parts=(("高山", "一级"),)
            ),
            Noun(
                "寿眉老白茶",
                attrs={"产地": "福建福鼎", "茶类": "白茶"},
                parts=(("五年陈", "高山"),),
            ),
            Noun(
                "大红袍",
                attrs={"产地": "福建武夷山", "茶类": "乌龙茶"},
                parts=(("正岩", "武夷山"),),
            ),
            Noun(
                "肉桂岩茶",
                attrs={"产地": "福建武夷山", "茶类": "乌龙茶"},
                parts=(("正岩", "中火"),),
            ),
            Noun(
                "滇红工夫红茶",
                attrs={"产地": "云南凤庆", "茶类": "红茶"},
                parts=(("古树", "金芽"),),
            ),
            Noun(
                "茉莉花茶",
                attrs={"产地": "广西横州", "茶类": "花茶"},
                parts=(("七窨", "银针", "浓香"),),
            ),
        ),
        shape="tea",
        prices=(99, 139, 169, 199, 259, 329),
        specs=(Spec("100g罐装", "100G", 100), Spec("250g礼盒", "250G", 230)),
        specs_per_product=(1, 2),
        attrs={"保质期": ("18个月", "24个月"), "储存方式": ("密封、避光、防潮、防异味",)},
        leads=("一杯好茶，慢下来。", "送长辈也拿得出手。"),
        points=(
            "核心产区原料，可溯源",
            "手工拣剔，净度高",
            "铝箔内袋，锁住香气",
            "汤色清亮，回甘明显",
        ),
        stock=(40, 160),
    ),
    "staple": Kind(
        category=("食品", "粮油调味"),
        parts=(),
        nouns=(
            Noun(
                "稻花香大米",
                "sack",
                (Spec("5kg", "5KG", 100), Spec("10kg", "10KG", 190)),
                {"产地": "黑龙江"},
                (("有机", "当季新米", "东北"),),
            ),
            Noun(
                "压榨花生油",
                "oil",
                (Spec("1.8L", "18L", 100), Spec("5L", "5L", 250)),
                {"产地": "山东"},
                (("古法", "头道", "一级"),),
            ),
            Noun(
                "酿造酱油",
                "oil",
                (Spec("500ml", "500ML", 100), Spec("1L", "1L", 180)),
                {"产地": "广东佛山"},
                (("零添加", "特级", "古法"),),
            ),
            Noun(
                "黄小米",
                "sack",
                (Spec("2.5kg", "25KG", 100),),
                {"产地": "山西"},
                (("有机", "当季新", "黄土高原"),),
            ),
            Noun(
                "老陈醋",
                "oil",
                (Spec("500ml", "500ML", 100), Spec("1L", "1L", 180)),
                {"产地": "山西清徐"},
                (("五年陈酿", "手工", "零添加"),),
            ),
            Noun(
                "芝麻香油",
                "oil",
                (Spec("250ml", "250ML", 100), Spec("500ml", "500ML", 180)),
                {"产地": "河南驻马店"},
                (("石磨", "小磨", "纯正"),),
            ),
            Noun(
                "全麦挂面",
                "sack",
                (Spec("1kg", "1KG", 100), Spec("2kg", "2KG", 180)),
                {"产地": "河北邢台"},
                (("高筋", "零添加", "手工"),),
            ),
        ),
        shape="sack",
        prices=(39, 49, 59, 79, 99),
        specs_per_product=(1, 2),
        attrs={"保质期": ("12个月", "18个月", "24个月"), "储存方式": ("常温避光保存",)},
        leads=("一日三餐的底气。", "家里厨房的常备好物。"),
        points=("当年新产，产地直发", "无添加剂，配料表干净", "大包装更划算", "检测报告可查"),
        stock=(100, 400),
    ),
    "bedding": Kind(
        category=("家居", "床品"),
        parts=(("A类", "水洗", "轻奢", "简约"), ("纯棉", "长绒棉", "天丝", "真丝", "亚麻")),
        nouns=_nouns("四件套", "夏凉被", "蚕丝被", shape="bedding"),
        shape="bedding",
        prices=(299, 399, 499, 699, 899, 1299),
        colours=("白色", "浅灰", "雾霾蓝", "燕麦色", "豆沙粉", "牛油果绿"),
        colours_per_product=(2, 3),
        specs=BED_SIZES,
        specs_per_product=(2, 3),
        material_part=1,
        attrs={"支数": ("40支", "60支", "80支"), "产地": ("江苏南通", "浙江湖州")},
        leads=("把酒店的睡感带回家。", "睡个好觉，从换一套床品开始。"),
        points=(
            "A 类标准，婴幼儿可用",
            "越洗越柔软，不起球",
            "活性印染，不易褪色",
            "隐形拉链，换被套不费劲",
        ),
        stock=(20, 90),
    ),
    "storage": Kind(
        category=("家居", "收纳"),
        parts=(("日式", "可折叠", "透明", "大容量"),),
        nouns=_nouns("衣物收纳箱", "桌面收纳盒", "抽屉整理格", "鞋盒", "床底收纳袋", shape="box"),
        shape="box",
        prices=(39, 49, 69, 89, 119),
        colours=("白色", "浅灰", "燕麦色"),
        colours_per_product=(1, 2),
        specs=(Spec("小号", "S", 100), Spec("中号", "M", 130), Spec("大号", "L", 160)),
        specs_per_product=(2, 3),
        attrs={"材质": ("PP", "棉麻布艺", "亚克力"), "产地": ("浙江台州", "浙江义乌")},
        leads=("家里一下子清爽了。",),
        points=(
            "可叠放，节省空间",
            "加厚材质，承重不变形",
            "防尘盖，换季衣物不落灰",
            "折叠后只有 5 厘米厚",
        ),
        stock=(60, 240),
    ),
    "cookware": Kind(
        category=("家居", "厨具"),
        parts=(("不粘", "304不锈钢", "铸铁", "麦饭石"),),
        nouns=_nouns("炒锅", "汤锅", "平底煎锅", shape="pot"),
        shape="pot",
        prices=(159, 199, 259, 299, 399),
        specs=(Spec("26cm", "26", 100), Spec("28cm", "28", 112), Spec("30cm", "30", 125)),
        specs_per_product=(1, 3),
        attrs={"适用炉灶": ("燃气灶/电磁炉通用",), "产地": ("浙江永康", "广东阳江")},
        leads=("少油少烟，做饭更从容。",),
        points=(
            "不粘涂层，煎蛋不粘底",
            "复合底导热均匀",
            "燃气灶电磁炉通用",
            "可立锅盖，厨房台面更整洁",
        ),
        stock=(30, 120),
    ),
}


@dataclass(frozen=True)
class BrandSpec:
    slug: str
    name: str
    prefix: str  # product codes start with it
    description: str
    rgb: tuple[int, int, int]
    warehouse: tuple[str, str, str]  # code, name, address
    kinds: tuple[tuple[str, int], ...]  # (kind key, number of products)
    cloud_share: int = 0  # percent of products that also have stock in the cloud warehouse
    approved: bool = True


BRANDS: tuple[BrandSpec, ...] = (
    BrandSpec(
        "qimu",
        "栖木衣舍",
        "QM",
        "杭州原创女装，专注法式与温柔风日常穿搭，自有面料开发与工厂。",
        (176, 120, 104),
        ("HZ01", "栖木衣舍杭州仓", "浙江省杭州市余杭区仓前街道文一西路 1288 号"),
        (("dress", 5), ("blouse", 2), ("knit", 2), ("skirt", 2)),
        cloud_share=30,
    ),
    BrandSpec(
        "puxu",
        "朴序",
        "PX",
        "做给城市男士的基础款：好面料、好版型、好打理。",
        (52, 72, 96),
        ("NB01", "朴序宁波仓", "浙江省宁波市鄞州区滨海创业园 6 幢"),
        (("tee", 3), ("shirt", 3), ("jacket", 2), ("trousers", 2)),
    ),
    BrandSpec(
        "xishan",
        "溪山行",
        "XS",
        "轻户外服饰品牌，把专业防护做进日常通勤。",
        (46, 104, 84),
        ("JJ01", "溪山行晋江仓", "福建省泉州市晋江市五里工业园 3 号"),
        (("shell", 4), ("quickdry", 4)),
    ),
    BrandSpec(
        "jibu",
        "疾步社",
        "JB",
        "为城市跑者设计的跑鞋与训练鞋，自研发泡中底。",
        (226, 92, 48),
        ("JJ02", "疾步社晋江仓", "福建省泉州市晋江市陈埭镇鞋业园 18 号"),
        (("sneaker", 9),),
        cloud_share=25,
    ),
    BrandSpec(
        "tayu",
        "踏屿",
        "TY",
        "舒适休闲鞋与女士单鞋，真皮软底，一穿就舒服。",
        (150, 110, 80),
        ("WZ01", "踏屿温州仓", "浙江省温州市鹿城区双屿鞋都二期 9 号"),
        (("casual_shoe", 5), ("flat", 5)),
    ),
    BrandSpec(
        "yanshui",
        "研水集",
        "YS",
        "成分党护肤品牌，温和有效，每一款都经过人体功效测试。",
        (90, 150, 190),
        ("SH01", "研水集上海仓", "上海市松江区九亭镇涞坊路 688 号"),
        (("serum", 10), ("body_care", 2)),
        cloud_share=50,
    ),
    BrandSpec(
        "huajian",
        "花间白",
        "HJ",
        "东方色彩彩妆，日常好用的口红、底妆与眼影。",
        (200, 80, 100),
        ("SH02", "花间白上海仓", "上海市嘉定区马陆镇宝安公路 2799 号"),
        (("lip", 4), ("base", 3), ("palette", 3)),
        cloud_share=40,
    ),
    BrandSpec(
        "shanye",
        "山野小食",
        "SY",
        "好吃不贵的坚果肉干和果干，产地直采，每周新鲜生产。",
        (214, 150, 50),
        ("LY01", "山野小食临沂仓", "山东省临沂市兰山区义堂镇食品产业园 12 号"),
        (("snack", 12),),
        cloud_share=50,
    ),
    BrandSpec(
        "chali",
        "茶里春山",
        "CL",
        "六大茶类核心产区好茶，口粮茶与礼盒茶都有。",
        (84, 130, 80),
        ("HZ02", "茶里春山杭州仓", "浙江省杭州市西湖区转塘街道茶园路 66 号"),
        (("tea", 10),),
    ),
    BrandSpec(
        "gucang",
        "谷仓记",
        "GC",
        "米面粮油和调味品，从产地到餐桌，配料表干干净净。",
        (170, 130, 60),
        ("HEB1", "谷仓记哈尔滨仓", "黑龙江省哈尔滨市双城区农产品物流园 5 号库"),
        (("staple", 9),),
        cloud_share=30,
    ),
    BrandSpec(
        "mianshan",
        "眠山家纺",
        "MS",
        "南通家纺工厂自营品牌，床品四件套、被子和枕头。",
        (120, 140, 170),
        ("NT01", "眠山家纺南通仓", "江苏省南通市通州区川姜镇家纺城 A 区 22 号"),
        (("bedding", 9),),
    ),
    BrandSpec(
        "fangcun",
        "方寸间",
        "FC",
        "小户型家居好物：收纳、厨具，让方寸之间也井井有条。",
        (110, 110, 120),
        ("YW01", "方寸间义乌仓", "浙江省金华市义乌市北苑街道春华路 158 号"),
        (("storage", 5), ("cookware", 5)),
    ),
    BrandSpec(
        "qinghe",
        "青禾果园",
        "QH",
        "四川眉山柑橘种植合作社，想在平台上卖当季的春见和爱媛果冻橙。",
        (240, 150, 40),
        ("MS01", "青禾果园眉山仓", "四川省眉山市丹棱县双桥镇果蔬分拣中心"),
        (),
        approved=False,
    ),
)


@dataclass(frozen=True)
class CampaignSpec:
    """A demo campaign; ``state`` is what it should be in the end. ``starts_in_hours`` is from
    now; all but live campaigns are moved to 10:00 or 20:00 local time that day."""

    brand: str
    title: str
    description: str
    state: str  # live, upcoming, ended, submitted, draft, rejected
    starts_in_hours: int
    hours: int
    kinds: tuple[str, ...]  # which kinds of the brand's products go in
    products: int
    min_resale: bool = False
    reject_reason: str = ""


CAMPAIGNS: tuple[CampaignSpec, ...] = (
    # Ended: created and run in the past; the end released their stock.
    CampaignSpec(
        "tayu",
        "百搭小白鞋专场",
        "软底真皮小白鞋，一双鞋配一衣柜的衣服。",
        "ended",
        -240,
        72,
        ("casual_shoe",),
        3,
    ),
    CampaignSpec(
        "gucang",
        "新米尝鲜季",
        "当季新米、头道花生油，产地直发。",
        "ended",
        -168,
        48,
        ("staple",),
        4,
    ),
    CampaignSpec(
        "qimu", "针织开衫专场", "软糯针织，换季叠穿正当时。", "ended", -120, 72, ("knit",), 2
    ),
    # Live now.
    CampaignSpec(
        "qimu",
        "法式连衣裙专场",
        "法式碎花、度假长裙，一条裙子就是一套穿搭。限时 72 小时，好价不等人。",
        "live",
        -6,
        72,
        ("dress",),
        4,
        min_resale=True,
    ),
    CampaignSpec(
        "jibu",
        "跑鞋季 · 轻量缓震专场",
        "自研超临界中底跑鞋集中放价，城市跑者的通勤与训练好搭档。",
        "live",
        -20,
        48,
        ("sneaker",),
        4,
    ),
    CampaignSpec(
        "yanshui",
        "换季修护 · 精华面霜特惠",
        "换季敏感不用慌，修护精华、面霜一站配齐。",
        "live",
        -3,
        72,
        ("serum",),
        5,
        min_resale=True,
    ),
    CampaignSpec(
        "shanye",
        "追剧零食囤货节",
        "坚果、肉干、果干，大包装更划算，囤一箱慢慢吃。",
        "live",
        -10,
        48,
        ("snack",),
        6,
    ),
    CampaignSpec(
        "mianshan",
        "床品换季清仓",
        "长绒棉、天丝四件套和被子清仓，把酒店的睡感带回家。",
        "live",
        -30,
        72,
        ("bedding",),
        4,
    ),
    CampaignSpec(
        "puxu",
        "男士通勤衬衫周",
        "免烫、牛津纺、亚麻衬衫，上班见客户不出错。",
        "live",
        -2,
        48,
        ("shirt",),
        3,
    ),
    # Approved, opening soon (预告).
    CampaignSpec(
        "huajian",
        "唇色上新 · 口红唇釉专场",
        "六个日常色号，薄涂厚涂都好看，开抢前先分享给你的姐妹。",
        "upcoming",
        36,
        72,
        ("lip",),
        4,
        min_resale=True,
    ),
    CampaignSpec(
        "chali",
        "名茶品鉴 · 核心产区好茶",
        "龙井、碧螺春、白茶、岩茶，核心产区口粮茶与礼盒茶。",
        "upcoming",
        44,
        48,
        ("tea",),
        5,
    ),
    CampaignSpec(
        "xishan",
        "户外出行季 · 冲锋衣特卖",
        "三合一、硬壳冲锋衣，假期出行前备好一件。",
        "upcoming",
        40,
        72,
        ("shell",),
        3,
    ),
    CampaignSpec(
        "fangcun",
        "收纳好物 · 整理季",
        "收纳箱、整理格、鞋盒，家里一下子清爽。",
        "upcoming",
        48,
        48,
        ("storage",),
        4,
    ),
    # Waiting for the operator, still being written, and sent back.
    CampaignSpec(
        "puxu",
        "重磅T恤多件优惠",
        "重磅纯棉 T 恤，一周七天换着穿。",
        "submitted",
        72,
        48,
        ("tee",),
        3,
    ),
    CampaignSpec(
        "jibu",
        "复古板鞋预热专场",
        "复古板鞋与训练鞋，先收藏，开场提醒。",
        "draft",
        120,
        72,
        ("sneaker",),
        2,
    ),
    CampaignSpec(
        "shanye",
        "坚果礼盒 全网最低价",
        "年货坚果礼盒，全网最低价！",
        "rejected",
        96,
        48,
        ("snack",),
        3,
        reject_reason="标题和介绍含“全网最低价”等绝对化用语，请修改后重新提交。",
    ),
)
