package vn.chuyenhoa.area;

import java.util.Objects;

/**
 * One commune-level unit as a code list writes it. Codes stay strings because their leading
 * zeros are part of the code. {@code name} carries the type prefix ("Phường Nếnh").
 *
 * @param districtCode null for {@link CodeScheme#QD19_2025}, which has no districts
 * @param districtName null for {@link CodeScheme#QD19_2025}
 */
public record AdminUnit(CodeScheme scheme, String code, String name, String type,
                        String districtCode, String districtName,
                        String provinceCode, String provinceName) {

    public AdminUnit {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
