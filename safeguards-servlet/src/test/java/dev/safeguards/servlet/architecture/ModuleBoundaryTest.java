package dev.safeguards.servlet.architecture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.safeguards.architecture.InternalPackageRule;
import org.junit.jupiter.api.Test;

class ModuleBoundaryTest {

  @Test
  void reachesIntoNoInternalPackageButItsOwn() {
    InternalPackageRule.forModuleGrantedCoreInternals()
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.safeguards.servlet"));
  }
}
