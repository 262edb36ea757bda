package io.github.stoatferret.videorepo.postgres;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A data source over a real one whose connections pass every call through an interceptor, for tests
 * that inject a fault where a driver or a server would produce it.
 */
class InterceptingDataSource extends TestDataSource {

  /** Decides what a call on a connection does; {@link #proceed} runs it as asked. */
  @FunctionalInterface
  interface Interceptor {
    Object intercept(Connection real, Method method, Object[] args) throws Throwable;
  }

  private final DataSource real;
  private final Interceptor interceptor;

  InterceptingDataSource(DataSource real, Interceptor interceptor) {
    this.real = real;
    this.interceptor = interceptor;
  }

  /**
   * Runs a call on the real connection.
   *
   * @param real the connection
   * @param method the method called
   * @param args its arguments
   * @return what it returned
   * @throws Throwable what it threw
   */
  static Object proceed(Connection real, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(real, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection connection = real.getConnection();
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> interceptor.intercept(connection, method, args));
  }
}
