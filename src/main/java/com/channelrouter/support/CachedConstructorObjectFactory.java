package com.channelrouter.support;

import org.apache.ibatis.reflection.ReflectionException;
import org.apache.ibatis.reflection.factory.DefaultObjectFactory;

import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MyBatis' object factory with each constructor looked up, and made accessible, once. The default looks the
 * constructor up again for every row and, for a class that is not public (our package-private records: the
 * relay's waiting events, feed events, work-item rows), first calls it without access: an
 * IllegalAccessException, stack trace and all, for every row before it retries with access. In a profile of
 * a 500,000-line batch that exception was 2.9% of the service's CPU, about half of what the outbox relay
 * spent reading waiting events.
 */
class CachedConstructorObjectFactory extends DefaultObjectFactory {

    private record Signature(Class<?> type, List<Class<?>> argumentTypes) {
    }

    private final Map<Signature, Constructor<?>> constructors = new ConcurrentHashMap<>();

    @Override
    public <T> T create(Class<T> type, List<Class<?>> constructorArgTypes, List<Object> constructorArgs) {
        boolean noArguments = constructorArgTypes == null || constructorArgs == null;
        // interfaces become MyBatis' own choices (List an ArrayList, Map a HashMap, …), as in the default
        Class<?> concrete = resolveInterface(type);
        Signature signature = new Signature(concrete, noArguments ? List.of() : constructorArgTypes);
        Constructor<?> constructor = constructors.get(signature);
        if (constructor == null) {
            constructor = accessible(signature);
            constructors.put(new Signature(concrete, List.copyOf(signature.argumentTypes())), constructor);
        }
        Object[] arguments = noArguments ? new Object[0] : constructorArgs.toArray();
        try {
            return type.cast(constructor.newInstance(arguments));
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new ReflectionException("Error instantiating " + concrete + " with values " + constructorArgs + ". Cause: " + e, e);
        }
    }

    private static Constructor<?> accessible(Signature signature) {
        try {
            Constructor<?> constructor = signature.type().getDeclaredConstructor(signature.argumentTypes().toArray(Class<?>[]::new));
            constructor.trySetAccessible(); // if refused, newInstance says so for the row that needs it
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new ReflectionException("No constructor of " + signature.type() + " takes " + signature.argumentTypes(), e);
        }
    }
}
