package cn.luohu.qpb.demo;

import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.organization.OrgKind;
import cn.luohu.qpb.organization.RegionalSystem;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo district of Luohu as plain data, built the same way every time (fixed random seed):
 * the district committee, its 10 subdistrict working committees and 3 sector committees, and their
 * assessed organisations across all six categories, with a few general branches in between.
 * Names of communities and places are Luohu's; firms, people and phone numbers are invented.
 */
final class DemoDistrict {

    static final String ROOT_CODE = "LH";

    /** One organisation to create; {@code parentCode} is null only for the district committee. */
    record Org(String code, String parentCode, OrgKind kind, Category category, RegionalSystem region,
               String name, String shortName, String secretary, int members, String contact) {
    }

    private record Subdistrict(String code, String name, List<String> communities, List<String> villages,
                               List<String> buildings, String enterprise) {
    }

    private static final List<Subdistrict> SUBDISTRICTS = List.of(
            new Subdistrict("GY", "桂园", List.of("老围", "新围", "大塘龙", "松园", "鹿丹村"),
                    List.of("湖南籍流动党员同乡村", "老围村"), List.of("地王大厦", "京基100"), "深圳市桂园智慧物业服务有限公司"),
            new Subdistrict("HB", "黄贝", List.of("新谊", "凤凰", "文华", "碧波", "黄贝岭"),
                    List.of("黄贝岭村", "江西籍流动党员同乡村"), List.of("国际商业大厦", "东方都会大厦"), "深圳市黄贝岭文化科技有限公司"),
            new Subdistrict("DM", "东门", List.of("湖贝", "城东", "东门", "立新", "花场"),
                    List.of("湖贝村", "潮汕籍流动党员同乡村"), List.of("东门茂业百货", "太阳广场"), "深圳市东门老街商贸有限公司"),
            new Subdistrict("CZ", "翠竹", List.of("翠竹", "翠宁", "水贝", "民新", "百仕达"),
                    List.of("水贝村", "梅州籍流动党员同乡村"), List.of("水贝珠宝总部大厦", "金丰城大厦"), "深圳市翠华珠宝首饰有限公司"),
            new Subdistrict("DX", "东晓", List.of("东晓", "独树", "兰花", "绿景", "马山"),
                    List.of("草埔村", "河源籍流动党员同乡村"), List.of("布心珠宝产业园", "东晓商务中心"), "深圳市东晓精密制造有限公司"),
            new Subdistrict("NH", "南湖", List.of("渔邨", "嘉北", "罗湖", "新南", "文锦"),
                    List.of("渔民村", "广西籍流动党员同乡村"), List.of("国贸大厦", "深华商业大厦"), "深圳市南湖口岸贸易有限公司"),
            new Subdistrict("SG", "笋岗", List.of("笋西", "笋岗", "田心", "宝岗", "湖景"),
                    List.of("笋岗村", "四川籍流动党员同乡村"), List.of("笋岗仓储物流园", "深业中心"), "深圳市笋岗供应链管理有限公司"),
            new Subdistrict("DH", "东湖", List.of("大望", "东湖", "布心", "金湖", "翠鹏"),
                    List.of("大望村", "湖北籍流动党员同乡村"), List.of("东湖创意园", "梧桐山艺术小镇"), "深圳市东湖水务科技有限公司"),
            new Subdistrict("LT", "莲塘", List.of("莲塘", "仙湖", "坳下", "鹏兴", "长岭"),
                    List.of("长岭村", "福建籍流动党员同乡村"), List.of("莲塘口岸商务区", "莲塘工业区"), "深圳市莲塘电子科技有限公司"),
            new Subdistrict("QSH", "清水河", List.of("清水河", "草埔东", "草埔西", "玉龙", "坭岗"),
                    List.of("坭岗村", "河南籍流动党员同乡村"), List.of("清水河物流园", "玉龙科创园"), "深圳市清水河冷链物流有限公司"));

    private static final List<String> ENTERPRISES = List.of(
            "深圳市鹏城金饰珠宝有限公司", "深圳市罗湖湾区数字科技有限公司", "深圳市金桥国际物流有限公司",
            "深圳市莲华医疗器械有限公司", "深圳市东方明珠建设工程有限公司", "深圳市罗湖口岸免税商贸有限公司",
            "深圳市翠岭软件开发有限公司", "深圳市深南环境服务有限公司", "深圳市华宝钟表有限公司",
            "深圳市湾城文化传媒有限公司");

    private static final List<String> SOCIAL_ORGANIZATIONS = List.of(
            "罗湖区义工联合会", "罗湖区珠宝玉石首饰行业协会", "罗湖区社会工作者协会", "罗湖区慈善会",
            "罗湖区物业管理行业协会", "罗湖区个体劳动者协会", "罗湖区社区基金会联合会", "罗湖区青年创业促进会");

    private static final List<String> AGENCIES = List.of(
            "区发展和改革局", "区教育局", "区财政局", "区人力资源局", "区住房和建设局",
            "区城市管理和综合执法局", "区民政局", "区司法局", "区文化广电旅游体育局", "区政务服务数据管理局");

    private static final List<String> HEALTH = List.of(
            "区人民医院第一", "区人民医院第二", "区中医院", "区妇幼保健院", "区疾病预防控制中心");

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向汤";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力斌波宁海燕晓丹雪梅琳志国红兵春林凯丽君晨阳思远佳怡子涵浩然雨婷俊杰欣怡梓萱宇航嘉豪";

    private DemoDistrict() {
    }

    static List<Org> organizations() {
        Random random = new Random(2026);
        List<Org> orgs = new ArrayList<>();
        orgs.add(new Org(ROOT_CODE, null, OrgKind.DISTRICT, null, null, "中共深圳市罗湖区委员会",
                "罗湖区委", person(random), 0, "0755-82201000"));
        for (Subdistrict s : SUBDISTRICTS) {
            orgs.add(new Org(s.code(), ROOT_CODE, OrgKind.COMMITTEE, null, null,
                    "中共深圳市罗湖区" + s.name() + "街道工作委员会", s.name() + "街道党工委",
                    person(random), 0, phone(random)));
            Counter counter = new Counter(s.code());
            for (String community : s.communities()) {
                orgs.add(assessed(counter.next(), s.code(), OrgKind.COMMUNITY_COMMITTEE, Category.COMMUNITY,
                        RegionalSystem.COMMUNITY, "中共深圳市罗湖区" + community + "社区委员会", community + "社区党委",
                        random, 40, 260));
            }
            for (String village : s.villages()) {
                orgs.add(assessed(counter.next(), s.code(), OrgKind.BRANCH, Category.URBAN_VILLAGE,
                        RegionalSystem.URBAN_VILLAGE, "中共" + village + "党支部", village + "党支部", random, 8, 60));
            }
            for (String building : s.buildings()) {
                orgs.add(assessed(counter.next(), s.code(), OrgKind.BRANCH, Category.BUILDING_PARK,
                        RegionalSystem.BUILDING_PARK_INDUSTRY, "中共" + building + "联合党支部", building + "党支部",
                        random, 10, 80));
            }
            orgs.add(assessed(counter.next(), s.code(), OrgKind.BRANCH, Category.NON_PUBLIC_ENTERPRISE,
                    RegionalSystem.BUILDING_PARK_INDUSTRY, "中共" + s.enterprise() + "支部委员会",
                    shortFirm(s.enterprise()) + "党支部", random, 5, 40));
        }
        // a general branch between a committee and its branches: the Dongmen shopping district
        orgs.add(new Org("DM-Z1", "DM", OrgKind.GENERAL_BRANCH, null, null, "中共东门商圈总支部委员会",
                "东门商圈党总支", person(random), 0, phone(random)));
        Counter dongmen = new Counter("DM-Z1-");
        for (String street : List.of("东门步行街", "解放路商业街", "晒布路商业街")) {
            orgs.add(assessed(dongmen.next(), "DM-Z1", OrgKind.BRANCH, Category.BUILDING_PARK,
                    RegionalSystem.BUILDING_PARK_INDUSTRY, "中共" + street + "商户联合党支部", street + "党支部",
                    random, 6, 40));
        }

        orgs.add(new Org("LX", ROOT_CODE, OrgKind.COMMITTEE, null, null,
                "中共深圳市罗湖区非公有制经济组织和社会组织委员会", "区两新组织党委", person(random), 0, phone(random)));
        Counter twoNew = new Counter("LX");
        for (String firm : ENTERPRISES) {
            orgs.add(assessed(twoNew.next(), "LX", OrgKind.BRANCH, Category.NON_PUBLIC_ENTERPRISE,
                    RegionalSystem.BUILDING_PARK_INDUSTRY, "中共" + firm + "支部委员会", shortFirm(firm) + "党支部",
                    random, 5, 90));
        }
        orgs.add(new Org("LX-Z1", "LX", OrgKind.GENERAL_BRANCH, null, null, "中共罗湖区社会组织综合总支部委员会",
                "社会组织综合党总支", person(random), 0, phone(random)));
        Counter social = new Counter("LX-Z1-");
        for (String organization : SOCIAL_ORGANIZATIONS) {
            orgs.add(assessed(social.next(), "LX-Z1", OrgKind.BRANCH, Category.SOCIAL_ORGANIZATION,
                    RegionalSystem.COMMUNITY, "中共" + organization + "支部委员会",
                    organization.replace("罗湖区", "") + "党支部", random, 3, 30));
        }

        orgs.add(new Org("JG", ROOT_CODE, OrgKind.COMMITTEE, null, null, "中共深圳市罗湖区直属机关工作委员会",
                "区直机关工委", person(random), 0, phone(random)));
        Counter agencies = new Counter("JG");
        for (String agency : AGENCIES) {
            orgs.add(assessed(agencies.next(), "JG", OrgKind.BRANCH, Category.AGENCY, RegionalSystem.COMMUNITY,
                    "中共深圳市罗湖" + agency + "机关支部委员会", agency + "机关党支部", random, 12, 70));
        }
        orgs.add(new Org("WJ", ROOT_CODE, OrgKind.COMMITTEE, null, null, "中共深圳市罗湖区卫生健康系统委员会",
                "区卫健系统党委", person(random), 0, phone(random)));
        Counter health = new Counter("WJ");
        for (String unit : HEALTH) {
            orgs.add(assessed(health.next(), "WJ", OrgKind.BRANCH, Category.AGENCY, RegionalSystem.COMMUNITY,
                    "中共深圳市罗湖" + unit + "支部委员会", unit + "党支部", random, 15, 120));
        }
        return orgs;
    }

    private static Org assessed(String code, String parent, OrgKind kind, Category category, RegionalSystem region,
                                String name, String shortName, Random random, int minMembers, int maxMembers) {
        return new Org(code, parent, kind, category, region, name, shortName, person(random),
                minMembers + random.nextInt(maxMembers - minMembers + 1), phone(random));
    }

    static String person(Random random) {
        return String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())))
                + GIVEN.charAt(random.nextInt(GIVEN.length()))
                + (random.nextBoolean() ? String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))) : "");
    }

    static String phone(Random random) {
        return "0755-8" + (1000000 + random.nextInt(8999999));
    }

    /** An index drawn with the given weights. */
    static int pick(Random random, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static String shortFirm(String firm) {
        return firm.replace("深圳市", "").replace("有限公司", "");
    }

    /** Codes of the assessed organisations under one parent: GY001, GY002, ... */
    private static final class Counter {
        private final String prefix;
        private int next = 1;

        Counter(String prefix) {
            this.prefix = prefix;
        }

        String next() {
            return prefix + String.format("%03d", next++);
        }
    }
}
