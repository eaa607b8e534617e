module com.example.modular.inventory {
  requires dev.safeguards.spring;
  requires spring.boot;
  requires spring.boot.autoconfigure;
  requires spring.context;

  // Spring reads the application's configuration class and calls its @Bean methods by reflection.
  opens com.example.modular.inventory to
      spring.core,
      spring.beans,
      spring.context;
}
