package com.channelrouter.replay;

import com.channelrouter.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The impact preview of a candidate version, for table owners before they publish. */
@RestController
class ImpactController {

    private final ImpactPreview preview;

    ImpactController(ImpactPreview preview) {
        this.preview = preview;
    }

    @GetMapping("/api/v1/decision-tables/{version}/impact")
    ImpactPreview.Impact impact(@PathVariable String version,
                                @Parameter(description = "How many days of stored items to decide again",
                                        schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "366",
                                                defaultValue = "30"))
                                @RequestParam(defaultValue = "30") int days) {
        if (days < 1 || days > 366) {
            throw InvalidRequestException.of("days", "must be from 1 to 366");
        }
        return preview.preview(version, days);
    }
}
