package com.channelrouter.tables;

import com.channelrouter.domain.AlertKind;
import com.channelrouter.domain.Channel;
import com.channelrouter.domain.CustomerClass;
import com.channelrouter.domain.FaultCategory;
import com.channelrouter.domain.ItemType;
import com.channelrouter.domain.LeadStage;
import com.channelrouter.domain.ProductCategory;
import com.channelrouter.domain.Severity;
import com.channelrouter.domain.SlaClock;
import com.channelrouter.domain.SourceChannel;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.time.DayOfWeek;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How business owners may write codes in a cell (case, spaces and a few aliases forgiven), what each
 * kind of code is called in messages, and the nearest valid code for a typo.
 */
final class CodeNames {

    /** English and Chinese noun for the kind of value a column holds. */
    record Noun(String english, String chinese) {
    }

    private static final Map<Class<?>, Noun> NOUNS = Map.ofEntries(
            Map.entry(Channel.class, new Noun("channel", "渠道")),
            Map.entry(SourceChannel.class, new Noun("source channel", "来源渠道")),
            Map.entry(CustomerClass.class, new Noun("customer class", "客户等级")),
            Map.entry(ItemType.class, new Noun("item type", "工单类型")),
            Map.entry(LeadStage.class, new Noun("lead stage", "商机阶段")),
            Map.entry(AlertKind.class, new Noun("alert kind", "预警类型")),
            Map.entry(FaultCategory.class, new Noun("fault category", "故障类别")),
            Map.entry(Severity.class, new Noun("severity", "严重程度")),
            Map.entry(ProductCategory.class, new Noun("product category", "产品类别")),
            Map.entry(SlaClock.class, new Noun("clock", "计时方式")),
            Map.entry(DayOfWeek.class, new Noun("weekday", "星期")),
            Map.entry(DayType.class, new Noun("day type", "日期类型")));

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("24X7", "ROUND_THE_CLOCK"),
            Map.entry("24/7", "ROUND_THE_CLOCK"),
            Map.entry("MON", "MONDAY"), Map.entry("TUE", "TUESDAY"), Map.entry("WED", "WEDNESDAY"),
            Map.entry("THU", "THURSDAY"), Map.entry("FRI", "FRIDAY"), Map.entry("SAT", "SATURDAY"),
            Map.entry("SUN", "SUNDAY"),
            Map.entry("周一", "MONDAY"), Map.entry("周二", "TUESDAY"), Map.entry("周三", "WEDNESDAY"),
            Map.entry("周四", "THURSDAY"), Map.entry("周五", "FRIDAY"), Map.entry("周六", "SATURDAY"),
            Map.entry("周日", "SUNDAY"), Map.entry("周天", "SUNDAY"),
            Map.entry("星期一", "MONDAY"), Map.entry("星期二", "TUESDAY"), Map.entry("星期三", "WEDNESDAY"),
            Map.entry("星期四", "THURSDAY"), Map.entry("星期五", "FRIDAY"), Map.entry("星期六", "SATURDAY"),
            Map.entry("星期日", "SUNDAY"), Map.entry("星期天", "SUNDAY"),
            Map.entry("放假", "HOLIDAY"), Map.entry("假日", "HOLIDAY"), Map.entry("休", "HOLIDAY"),
            Map.entry("上班", "WORKDAY"), Map.entry("班", "WORKDAY"), Map.entry("调休上班", "WORKDAY"),
            // the Chinese names the owners' guide prints beside the codes (商机 is left out: it names both the
            // item type LEAD and the lead stage OPPORTUNITY)
            Map.entry("客户经理", "ACCOUNT_MANAGER"), Map.entry("社会渠道", "CORE_AGENT"), Map.entry("核心代理商", "CORE_AGENT"),
            Map.entry("电话客户经理", "PHONE_ACCOUNT_MANAGER"), Map.entry("网站", "WEBSITE"), Map.entry("网上营业厅", "WEBSITE"),
            Map.entry("服营厅", "SERVICE_HALL"), Map.entry("集团热线", "GROUP_HOTLINE"), Map.entry("体验厅", "EXPERIENCE_HALL"),
            Map.entry("运营中心", "OPERATIONS_CENTER"), Map.entry("网维中心", "NETWORK_MAINTENANCE"),
            Map.entry("业支中心", "BILLING_SUPPORT"), Map.entry("10086热线", "HOTLINE_10086"), Map.entry("BI系统", "BI_SYSTEM"),
            Map.entry("潜在客户", "POTENTIAL"), Map.entry("线索", "CLUE"), Map.entry("反挖", "COMPETITOR_POACHING"),
            Map.entry("离网预警", "ALERT"), Map.entry("故障", "FAULT"));

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private CodeNames() {
    }

    static Noun nounOf(Class<?> type) {
        return NOUNS.getOrDefault(type, new Noun("code", "代码"));
    }

    /** Runs of spaces and hyphens; compiled once, since every code cell of a big table passes here. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]+");

    /** "account manager" and "Account-Manager" both become ACCOUNT_MANAGER. */
    static String normalize(String text) {
        String code = SEPARATORS.matcher(text.strip().toUpperCase(Locale.ROOT)).replaceAll("_");
        return ALIASES.getOrDefault(code, code);
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        String code = normalize(text);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(code)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** The closest known code when it is close enough to be a typo. */
    static Optional<String> nearest(String text, Collection<String> known) {
        String code = normalize(text);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = DISTANCE.apply(code, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // one-letter codes (A, B, C, D) are too close to everything to suggest from
        int tolerance = code.length() <= 2 ? 0 : code.length() <= 4 ? 1 : Math.max(2, code.length() / 3);
        return best != null && bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
    }
}
