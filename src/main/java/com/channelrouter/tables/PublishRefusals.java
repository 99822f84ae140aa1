package com.channelrouter.tables;

import com.channelrouter.web.ConflictException;
import com.channelrouter.web.FieldProblem;
import com.channelrouter.web.UnprocessableException;
import org.springframework.context.i18n.LocaleContextHolder;

import java.util.List;

/**
 * Why a version cannot be published, served or rolled back to, in words a table owner can act on, in English and
 * Chinese: 422 for a version with problems, 409 where the live tables changed under it.
 */
final class PublishRefusals {

    private PublishRefusals() {
    }

    static UnprocessableException hasProblems(String version, List<TableProblem> problems) {
        return new UnprocessableException("version-not-publishable", "Version has problems",
                "Version " + version + " has " + problems.size() + " problem(s) and cannot be published. Correct the workbook and upload"
                        + " it again. 版本 " + version + " 有 " + problems.size() + " 个问题，不能发布。请修正工作簿后重新上传。",
                fieldProblems(problems));
    }

    static UnprocessableException cannotBeServed(String version, List<TableProblem> problems) {
        return new UnprocessableException("version-not-publishable", "Version has problems",
                "Version " + version + " has problems and cannot be served.", fieldProblems(problems));
    }

    /** The candidate's workbook on the live set has problems: with workbooks changed after its upload. */
    static UnprocessableException hasProblemsOnTheLiveSet(String version, String workbook, String changed, String liveVersion,
                                                          List<TableProblem> problems) {
        return new UnprocessableException("version-not-publishable", "Version has problems on the live tables",
                "Version " + version + "'s " + workbook + " has " + problems.size() + " problem(s) together with " + changed
                        + " as changed after its upload (live version " + liveVersion + "), and cannot be published. Correct the workbook"
                        + " on the live version and upload it again. 版本 " + version + " 的 " + workbook + " 与其上传之后变更的 " + changed
                        + "（当前生效版本 " + liveVersion + "）合在一起有 " + problems.size() + " 个问题，不能发布。请在当前生效版本的基础上修正工作簿后重新上传。",
                fieldProblems(problems));
    }

    /** The uploaded workbook itself changed after the upload: publishing would undo that change. */
    static ConflictException workbookChanged(String version, String workbook, String liveVersion) {
        return new ConflictException("workbook-changed-since-upload", "Workbook changed since the upload",
                "The live version " + liveVersion + " has another " + workbook + " than the one version " + version + " was uploaded on:"
                        + " it was published or rolled back to after that upload, and publishing " + version + " would undo that change."
                        + " Download " + workbook + " from the live version, make your change there and upload it again. 当前生效版本 "
                        + liveVersion + " 的 " + workbook + " 已不是版本 " + version + " 上传时所基于的那一份（上传之后有人发布或回滚过）；发布 "
                        + version + " 会撤销该变更。请从当前生效版本下载 " + workbook + "，在其上修改后重新上传。");
    }

    /** The workbooks to compare are not all stored: what changed cannot be told. */
    static ConflictException cannotTellWhatChanged(String version, String workbook) {
        return new ConflictException("workbook-changed-since-upload", "Tables changed since the upload",
                "The live tables changed after version " + version + " was uploaded, and what changed cannot be told apart. Upload "
                        + workbook + " again. 版本 " + version + " 上传之后生效的决策表已变化，无法判断变化内容。请重新上传 " + workbook + "。");
    }

    static ConflictException publishedMeanwhile() {
        return new ConflictException("concurrent-change", "Changed meanwhile",
                "Another version was published while this one was being published; publish it again. 发布期间另一个版本已发布，请重新发布。");
    }

    static ConflictException changedWhileRollingBack() {
        return new ConflictException("concurrent-change", "Changed meanwhile",
                "The live version changed while rolling back; read the versions again and retry. 回滚期间生效版本已变化，请重新查看版本后再试。");
    }

    static ConflictException nothingToRollBackTo(String firstVersion) {
        return new ConflictException("nothing-to-roll-back", "Nothing to roll back to",
                "Version " + firstVersion + " is the first live version; there is no earlier one to roll back to.");
    }

    /**
     * The problems as the problem+json {@code errors}, at most 50: the sheet, cell and column as the field
     * ("Routing LEAD!I4 (Owner channel)", "[sla.xlsx]Tests!A3 (name)", as an upload's report describes them), the message in the request's
     * language as an upload's report gives it (Chinese for Accept-Language zh).
     */
    private static List<FieldProblem> fieldProblems(List<TableProblem> problems) {
        boolean chinese = "zh".equals(LocaleContextHolder.getLocale().getLanguage());
        return problems.stream().limit(50).map(p -> new FieldProblem(field(p),
                chinese && p.messageZh() != null ? p.messageZh() : p.message())).toList();
    }

    private static String field(TableProblem problem) {
        return String.valueOf(problem.place());
    }
}
