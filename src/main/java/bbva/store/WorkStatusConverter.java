package bbva.store;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link WorkStatus} as the lower-case words the schema's CHECK constraints allow. */
@Converter
public class WorkStatusConverter implements AttributeConverter<WorkStatus, String> {
    @Override
    public String convertToDatabaseColumn(WorkStatus status) {
        return status == null ? null : status.db();
    }

    @Override
    public WorkStatus convertToEntityAttribute(String db) {
        return db == null ? null : WorkStatus.of(db);
    }
}
