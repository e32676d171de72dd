package cn.luohu.qpb.demo;

import cn.luohu.qpb.organization.Category;
import cn.luohu.qpb.organization.OrgKind;
import cn.luohu.qpb.organization.RegionalSystem;
import cn.luohu.qpb.organization.TreePath;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The organisation tree of a city-scale dataset as plain data, the same for the same size every time (fixed
 * random seed): one city committee at the root, committees in blocks of thirteen per district (ten
 * subdistricts, the two-new-organisations committee, the agencies' working committee and the health system's
 * committee, as in Luohu), about {@value #ORGANIZATIONS_PER_COMMITTEE} assessed organisations per committee,
 * and a general branch per subdistrict over its buildings' branches. The committee count grows with the size,
 * so a committee (a reviewer's scope) and an organisation hold as much at 20,000 as at 2,000.
 */
final class CityTree {

    static final String ROOT_CODE = "SZ";
    /** About a Luohu subdistrict's worth: Luohu's 2,000 organisations under its 13 committees. */
    static final int ORGANIZATIONS_PER_COMMITTEE = 154;
    private static final int COMMITTEES_PER_DISTRICT = 13;
    private static final long SEED = 2026_11_26L;

    /** One organisation with its id and path, ready to insert; {@code star} is the initial star of an assessed one. */
    record Org(long id, Long parentId, String path, OrgKind kind, Category category, RegionalSystem region, String code,
               String name, String shortName, String secretary, int members, String contact, int star) {
    }

    private record District(String code, String name) {
    }

    private static final List<District> DISTRICTS = List.of(new District("FT", "福田"), new District("LH", "罗湖"),
            new District("NS", "南山"), new District("YT", "盐田"), new District("BA", "宝安"), new District("LG", "龙岗"),
            new District("LHU", "龙华"), new District("PS", "坪山"), new District("GM", "光明"), new District("DP", "大鹏"));

    private static final String PLACE_FIRST = "莲香梅福华沙景桃松翠新金凤碧湖南北东西大小上下文龙";
    private static final String PLACE_SECOND = "花田林湾山塘园岭围坑岗湖苑村洲";
    private static final List<String> INDUSTRIES = List.of("科技", "电子", "物流", "珠宝", "医疗器械", "建设工程",
            "软件开发", "国际贸易", "文化传媒", "环境服务", "智能制造", "供应链管理");
    private static final List<String> SOCIETIES = List.of("义工联合会", "社会工作者协会", "物业管理行业协会",
            "个体劳动者协会", "青年创业促进会", "慈善会", "商会", "律师协会", "养老服务协会", "社区基金会");
    private static final List<String> AGENCIES = List.of("发展和改革局", "教育局", "财政局", "人力资源局", "住房和建设局",
            "城市管理和综合执法局", "民政局", "司法局", "文化广电旅游体育局", "政务服务数据管理局", "科技创新局", "水务局");
    private static final List<String> HEALTH = List.of("人民医院", "中医院", "妇幼保健院", "疾病预防控制中心",
            "社康中心", "慢性病防治院", "口腔医院", "急救中心");
    private static final List<String> PROVINCES = List.of("湖南", "江西", "广西", "四川", "湖北", "河南", "福建", "潮汕", "梅州", "河源");

    private static final Category[] ALL = Category.values();
    /** Category weights (in the order of {@link Category}) of a subdistrict: firms first, as in Shenzhen. */
    private static final int[] SUBDISTRICT_MIX = {10, 40, 15, 20, 10, 5};
    private static final int[] TWO_NEW_MIX = {0, 70, 30, 0, 0, 0};
    private static final int[] AGENCY_MIX = {0, 0, 0, 0, 0, 100};
    /** Initial stars 0 to 5, as the demo district's first rating. */
    private static final int[] STAR_MIX = {8, 22, 30, 25, 12, 3};

    private CityTree() {
    }

    static int committees(int size) {
        return Math.max(1, (int) Math.ceil(size / (double) ORGANIZATIONS_PER_COMMITTEE));
    }

    /** The root, the committees, the general branches and {@code size} assessed organisations, ids from 1 in order. */
    static List<Org> organizations(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a city needs at least one assessed organisation: " + size);
        }
        Random random = new Random(SEED);
        List<Org> orgs = new ArrayList<>();
        Org root = new Org(1, null, TreePath.root(1), OrgKind.DISTRICT, null, null, ROOT_CODE, "中共深圳市委员会",
                "深圳市委", DemoDistrict.person(random), 0, "0755-88100000", 0);
        orgs.add(root);
        int committees = committees(size);
        for (int c = 0; c < committees; c++) {
            District district = DISTRICTS.get(c / COMMITTEES_PER_DISTRICT % DISTRICTS.size());
            int round = c / (COMMITTEES_PER_DISTRICT * DISTRICTS.size());
            int k = c % COMMITTEES_PER_DISTRICT;
            String code = district.code() + (round == 0 ? "" : "R" + round) + String.format("%02d", k + 1);
            int assessed = size / committees + (c < size % committees ? 1 : 0);
            addCommittee(orgs, root, district, code, k, assessed, random);
        }
        return orgs;
    }

    private static void addCommittee(List<Org> orgs, Org root, District district, String code, int k, int assessed,
                                     Random random) {
        String place = place(random);
        String name;
        String shortName;
        int[] mix;
        if (k < 10) {
            name = "中共深圳市" + district.name() + "区" + place + "街道工作委员会";
            shortName = place + "街道党工委";
            mix = SUBDISTRICT_MIX;
        } else if (k == 10) {
            name = "中共深圳市" + district.name() + "区非公有制经济组织和社会组织委员会";
            shortName = district.name() + "区两新组织党委";
            mix = TWO_NEW_MIX;
        } else {
            name = "中共深圳市" + district.name() + (k == 11 ? "区直属机关工作委员会" : "区卫生健康系统委员会");
            shortName = district.name() + (k == 11 ? "区直机关工委" : "区卫健系统党委");
            mix = AGENCY_MIX;
        }
        Org committee = next(orgs, root, OrgKind.COMMITTEE, null, null, code, name, shortName, random, 0, 0);
        Org general = null;
        for (int n = 1; n <= assessed; n++) {
            Category category = ALL[DemoDistrict.pick(random, mix)];
            String number = String.format("%s-%03d", code, n);
            Org parent = committee;
            if (category == Category.BUILDING_PARK) {
                if (general == null) {
                    general = next(orgs, committee, OrgKind.GENERAL_BRANCH, null, null, code + "-Z1",
                            "中共" + place + "商圈总支部委员会", place + "商圈党总支", random, 0, 0);
                }
                parent = general;
            }
            addAssessed(orgs, parent, district, category, number, k == 12, random);
        }
    }

    private static void addAssessed(List<Org> orgs, Org parent, District district, Category category, String code,
                                    boolean health, Random random) {
        String place = place(random);
        switch (category) {
            case COMMUNITY -> next(orgs, parent, OrgKind.COMMUNITY_COMMITTEE, category, RegionalSystem.COMMUNITY, code,
                    "中共深圳市" + district.name() + "区" + place + "社区委员会", place + "社区党委", random, 40, 260);
            case URBAN_VILLAGE -> {
                String village = random.nextInt(3) == 0 ? any(random, PROVINCES) + "籍流动党员同乡村" : place + "村";
                next(orgs, parent, OrgKind.BRANCH, category, RegionalSystem.URBAN_VILLAGE, code,
                        "中共" + village + "党支部", village + "党支部", random, 8, 60);
            }
            case BUILDING_PARK -> next(orgs, parent, OrgKind.BRANCH, category, RegionalSystem.BUILDING_PARK_INDUSTRY, code,
                    "中共" + place + "大厦联合党支部", place + "大厦党支部", random, 10, 80);
            case NON_PUBLIC_ENTERPRISE -> {
                String firm = place + any(random, INDUSTRIES);
                next(orgs, parent, OrgKind.BRANCH, category, RegionalSystem.BUILDING_PARK_INDUSTRY, code,
                        "中共深圳市" + firm + "有限公司支部委员会", firm + "党支部", random, 5, 90);
            }
            case SOCIAL_ORGANIZATION -> {
                String society = district.name() + "区" + place + any(random, SOCIETIES);
                next(orgs, parent, OrgKind.BRANCH, category, RegionalSystem.COMMUNITY, code,
                        "中共" + society + "支部委员会", society + "党支部", random, 3, 30);
            }
            case AGENCY -> {
                String unit = district.name() + "区" + (health ? place + any(random, HEALTH) : any(random, AGENCIES));
                next(orgs, parent, OrgKind.BRANCH, category, RegionalSystem.COMMUNITY, code,
                        "中共深圳市" + unit + "支部委员会", unit + "党支部", random, 12, 120);
            }
        }
    }

    private static Org next(List<Org> orgs, Org parent, OrgKind kind, Category category, RegionalSystem region,
                            String code, String name, String shortName, Random random, int minMembers, int maxMembers) {
        long id = orgs.size() + 1;
        int members = maxMembers == 0 ? 0 : minMembers + random.nextInt(maxMembers - minMembers + 1);
        Org org = new Org(id, parent.id(), TreePath.child(parent.path(), id), kind, category, region, code, name,
                shortName, DemoDistrict.person(random), members, DemoDistrict.phone(random),
                kind.isAssessed() ? DemoDistrict.pick(random, STAR_MIX) : 0);
        orgs.add(org);
        return org;
    }

    private static String place(Random random) {
        return String.valueOf(PLACE_FIRST.charAt(random.nextInt(PLACE_FIRST.length())))
                + PLACE_SECOND.charAt(random.nextInt(PLACE_SECOND.length()));
    }

    private static String any(Random random, List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
